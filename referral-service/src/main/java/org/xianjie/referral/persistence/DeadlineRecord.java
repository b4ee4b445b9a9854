package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.domain.process.PartyType;

/**
 * A statutory time limit (期限) running, or settled, on a referral. Updates write only the columns
 * that changed: a step closing a deadline never writes over its reminder or breach marks.
 */
@Entity
@DynamicUpdate
@Table(name = "deadline")
public class DeadlineRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyType party;

    @Column(name = "responsible_agency")
    public String responsibleAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineKind kind;

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

    /**
     * The act that started this limit was entered only after the limit had passed ({@code openedAt}
     * is when the deadline was recorded, {@code dueAt} counts from the act): it is breached at once.
     */
    public boolean enteredLate() {
        return openedAt != null && dueAt != null && openedAt.isAfter(dueAt);
    }
}
