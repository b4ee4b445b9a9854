package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
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
public class DeadlineRecord extends TimeLimitRecord {
    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyType party;

    @Column(name = "responsible_agency")
    public String responsibleAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadlineKind kind;

    /**
     * The act that started this limit was entered only after the limit had passed ({@code openedAt}
     * is when the deadline was recorded, {@code dueAt} counts from the act): it is breached at once.
     */
    public boolean enteredLate() {
        return openedAt != null && dueAt != null && openedAt.isAfter(dueAt);
    }
}
