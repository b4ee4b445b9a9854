package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up task of a joint meeting (会议任务), assigned to an agency. */
@Entity
@Table(name = "sharing_task")
public class TaskRecord {
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    public UUID id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public String assignee;

    @Column(nullable = false)
    public String description;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(nullable = false)
    public String state;

    public String result;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;
}
