package org.xianjie.platform.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A signed evidence of delivery as this service issued it. */
@Entity
@Table(name = "delivery_evidence")
public class DeliveryEvidenceRecord {

    @Id
    public UUID id;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "evidence_type", nullable = false)
    public String evidenceType;

    public String sender;

    @Column(nullable = false)
    public String addressee;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** The signed text: canonical JSON (RFC 8785). */
    @Column(nullable = false)
    public String payload;

    /** base64url (no padding) Ed25519 signature over the payload's UTF-8 bytes. */
    @Column(nullable = false)
    public String signature;

    @Column(name = "key_id", nullable = false)
    public String keyId;
}
