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
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;

/** One step taken on a referral: who, what, when and why. Append only. */
@Entity
@Table(name = "referral_history")
public class HistoryRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStep step;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReferralState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public ReferralState toState;

    @Column(name = "actor_agency", nullable = false)
    public String actorAgency;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(name = "actor_role")
    public String actorRole;

    public String reason;
    public String note;

    @Column(name = "target_agency")
    public String targetAgency;
    /** JSON array of {kind, title, sha256}. */
    public String attachments;
    /** What the service noticed, one per line (e.g. a request made after its window lapsed). */
    public String remarks;
    /** When the act happened (stated by the acting agency, else when it was recorded). */
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    /** When the suite recorded it. */
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
