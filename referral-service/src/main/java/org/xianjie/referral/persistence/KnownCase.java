package org.xianjie.referral.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case as case-service last announced it (event-carried state): who owns it and its figures. */
@Entity
@Table(name = "known_case")
public class KnownCase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "case_number")
    public String caseNumber;

    public String title;
    public String category;
    public String region;
    public String state;
    /** The amounts of the snapshot as JSON. */
    public String amounts;

    @Column(name = "decision_date")
    public LocalDate decisionDate;
    /** When the case was opened (立案), from the opened event's occurredAt; null when not stated. */
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    /** The case's own version: an older snapshot arriving late never overwrites a newer one. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
