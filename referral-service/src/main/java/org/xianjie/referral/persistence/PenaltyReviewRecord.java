package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.review.ReviewOutcome;

/** One review of a penalty decision by a procuratorate (行政处罚决定审查). */
@Entity
@Table(name = "penalty_review")
public class PenaltyReviewRecord {
    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String region;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;
    /** The decision the review looked at; a later decision on the case is a new one to review. */
    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "procuratorate_code", nullable = false)
    public String procuratorateCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewOutcome outcome;

    @Column(nullable = false)
    public String note;

    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
    /** The lead a LEAD_RAISED review raised or confirmed. */
    @Column(name = "lead_id")
    public UUID leadId;
}
