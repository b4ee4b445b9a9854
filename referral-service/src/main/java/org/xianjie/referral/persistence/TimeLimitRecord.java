package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * The columns every time limit (期限) row shares, on a referral ({@link DeadlineRecord}) or on a
 * shared item: when it counts from and ends, when it is reminded, and the marks the deadline
 * workers set ({@code reminded_at}, {@code breached_at}) beside the close a step sets.
 */
@MappedSuperclass
public abstract class TimeLimitRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "counted_from", nullable = false)
    public OffsetDateTime countedFrom;

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

    /** Why the due time may be wrong (a year outside the working calendar), one per line. */
    public String warnings;

    public boolean isOpen() {
        return closedAt == null;
    }
}
