package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What case events told of a case's filing, closing, value and penalty (for figures and set-off). */
@Entity
@Table(name = "case_fact")
public class CaseFactRecord {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String region;
    /** When the case was filed (立案), the occurredAt of its opened event. */
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    /** When the case was closed (结案), the occurredAt of its closed event. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    /** 案值: the illegal business volume the agency recorded. */
    @Column(name = "case_value")
    public BigDecimal caseValue;

    @Column(name = "penalty_fine")
    public BigDecimal penaltyFine;

    public BigDecimal confiscation;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(nullable = false)
    public long version;
}
