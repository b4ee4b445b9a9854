package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.criminal.ArrestDecision;
import org.xianjie.referral.domain.criminal.ProsecutionDecision;
import org.xianjie.referral.domain.criminal.SuspectKind;
import org.xianjie.referral.domain.criminal.SuspectRole;
import org.xianjie.referral.domain.criminal.SuspectStanding;
import org.xianjie.referral.domain.criminal.Verdict;

/** A suspect (犯罪嫌疑人) of a referral with the decisions taken for them. */
@Entity
@Table(name = "referral_suspect")
public class SuspectRecord {
    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuspectKind kind;

    @Column(nullable = false)
    public String name;
    /** Keyed hashes ({@code keyId:hex}), one per active key, separated by commas. */
    @Column(name = "identity_hashes", nullable = false)
    public String identityHashes;

    @Column(name = "masked_identity_number", nullable = false)
    public String maskedIdentityNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SuspectRole role;
    /** Criminal Law articles, separated by commas. */
    @Column(nullable = false)
    public String charges;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "arrest_requested_at")
    public OffsetDateTime arrestRequestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "arrest_decision")
    public ArrestDecision arrestDecision;

    @Column(name = "arrest_decided_at")
    public OffsetDateTime arrestDecidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "prosecution_decision")
    public ProsecutionDecision prosecutionDecision;

    @Column(name = "prosecution_decided_at")
    public OffsetDateTime prosecutionDecidedAt;

    @Column(name = "court_accepted_at")
    public OffsetDateTime courtAcceptedAt;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    @Column(name = "imprisonment_months")
    public Integer imprisonmentMonths;

    @Column(name = "probation_months")
    public Integer probationMonths;

    @Column(name = "criminal_fine")
    public BigDecimal criminalFine;

    @Column(name = "administrative_fine_set_off")
    public BigDecimal administrativeFineSetOff;

    @Column(name = "fine_due")
    public BigDecimal fineDue;

    @Column(name = "judged_at")
    public OffsetDateTime judgedAt;

    public SuspectStanding standing() {
        return new SuspectStanding(
                arrestRequestedAt != null,
                arrestDecision,
                prosecutionDecision,
                courtAcceptedAt != null,
                judgedAt != null);
    }

    public java.util.List<String> hashes() {
        return java.util.List.of(identityHashes.split(","));
    }
}
