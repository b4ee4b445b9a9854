package org.xianjie.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.cases.domain.EvidenceType;

/** An evidence item (证据) of a case: never changed once recorded. */
@Entity
@Table(name = "evidence_item")
public class EvidenceRecord {
    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceType type;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
