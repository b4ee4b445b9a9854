package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One act as entered: when it happened, when it was recorded, and whether that was late. Append only. */
@Entity
@Table(name = "act_entry")
public class ActEntryRecord {
    /** Where the act was recorded: a referral step, or a case act learned from case-service. */
    public static final String REFERRAL = "referral";

    public static final String CASE = "case";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String origin;
    /** Referral step name (RECEIVE) or case action (penalty-decided). */
    @Column(nullable = false)
    public String act;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "agency_type", nullable = false)
    public String agencyType;

    @Column(nullable = false)
    public String region;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "delay_seconds", nullable = false)
    public long delaySeconds;

    @Column(name = "entered_late", nullable = false)
    public boolean enteredLate;
    /** Penalty decisions only: the decision date (行政处罚决定日期). */
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    /** The case event that carried a case act; null for referral steps. */
    @Column(name = "event_id")
    public String eventId;
}
