package org.xianjie.referral.persistence.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A reply limit or task deadline on a shared item. Every one is a duty of its responsible agency:
 * reminded once before it ends, breached once if still open after. Updates write only changed
 * columns, so closing one never writes over a worker's marks.
 */
@Entity
@DynamicUpdate
@Table(name = "sharing_deadline")
public class SharingDeadlineRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public String code;

    @Column(name = "responsible_agency", nullable = false)
    public String responsibleAgency;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "counted_from", nullable = false)
    public OffsetDateTime countedFrom;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "reminder_at", nullable = false)
    public OffsetDateTime reminderAt;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    @Column(name = "breached_at")
    public OffsetDateTime breachedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    public String warnings;

    public boolean isOpen() {
        return closedAt == null;
    }
}
