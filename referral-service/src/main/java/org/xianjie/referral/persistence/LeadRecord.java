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

/** 监督线索: a penalty decision whose amounts reach a criminal filing threshold with no referral. */
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

    @Id
    public UUID id;
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
    @Column(name = "rule_set", nullable = false)
    public String ruleSet;
    @Column(name = "values_from", nullable = false)
    public String valuesFrom;
    @Column(nullable = false)
    public String offence;
    @Column(name = "condition_id", nullable = false)
    public String conditionId;
    @Column(name = "condition_text", nullable = false)
    public String conditionText;
    @Column(nullable = false)
    public String figure;
    @Column(name = "figure_value", nullable = false)
    public BigDecimal figureValue;
    @Column(nullable = false)
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
    @Version
    public long version;
}
