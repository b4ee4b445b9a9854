package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 监督线索: a penalty decision whose amounts reach a criminal filing threshold with no referral, or
 * one a procuratorate's review found; the rule fields are those of the threshold that fired, null
 * for a lead a review raised.
 */
@Entity
@Table(name = "lead")
public class LeadRecord {

    /** Where a lead stands. */
    public enum State {
        /** Awaiting the procuratorate's review. */
        OPEN,
        /** Dismissed with reasons. */
        DISMISSED,
        /** Turned into filing supervision (立案监督). */
        ESCALATED
    }

    /** What raised the lead. */
    public enum Origin {
        /** A new penalty decision reached a threshold (以罚代刑 screening). */
        THRESHOLD_SCREENING,
        /** A past decision reached a threshold of a rule set added or changed since it was screened. */
        RULE_SET_RESCREENING,
        /** A procuratorate's review of the penalty decision found it (审查发现线索). */
        PENALTY_REVIEW,
        /** 不刑不罚: a case handed back for administrative handling got no penalty decision in time. */
        NO_PENALTY_AFTER_RETURN
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin = Origin.THRESHOLD_SCREENING;
    /** The review that raised or confirmed this lead, if any. */
    @Column(name = "review_id")
    public UUID reviewId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "case_title")
    public String caseTitle;

    public String category;

    @Column(nullable = false)
    public String region;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "procuratorate_code", nullable = false)
    public String procuratorateCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "rule_set")
    public String ruleSet;

    @Column(name = "values_from")
    public String valuesFrom;

    public String offence;

    @Column(name = "condition_id")
    public String conditionId;

    @Column(name = "condition_text")
    public String conditionText;

    public String figure;

    @Column(name = "figure_value")
    public BigDecimal figureValue;

    public BigDecimal threshold;
    /** Every threshold reached, as JSON. */
    @Column(nullable = false)
    public String grounds;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;
    /** Escalated: when the procuratorate asked the agency to refer (监督移送), and by when. */
    @Column(name = "referral_requested_at")
    public OffsetDateTime referralRequestedAt;

    @Column(name = "referral_due_at")
    public OffsetDateTime referralDueAt;
    /** Why the due time may be wrong (a year outside the working calendar), one per line. */
    @Column(name = "referral_due_warnings")
    public String referralDueWarnings;
    /** The referral the agency opened, and when. */
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "referred_at")
    public OffsetDateTime referredAt;
    /** When the request was found overdue (announced once). */
    @Column(name = "referral_overdue_at")
    public OffsetDateTime referralOverdueAt;

    @Version
    public long version;
}
