package org.xianjie.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency that became a reader of a case through its referral (learned from referral events). */
@Entity
@Table(name = "case_reader")
@IdClass(CaseReaderRecord.Key.class)
public class CaseReaderRecord {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public OffsetDateTime since;

    public record Key(UUID caseId, String agencyCode) implements Serializable {}
}
