package org.xianjie.platform.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A signed checkpoint as this service issued it: the canonical payload and its Ed25519 signature. */
@Entity
@Table(name = "integrity_checkpoint")
public class CheckpointRecord {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "sealed_at", nullable = false)
    public OffsetDateTime sealedAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "payload_hash", nullable = false)
    public String payloadHash;

    /** base64url (no padding) of the 64-byte Ed25519 signature over the payload's UTF-8 bytes. */
    @Column(nullable = false)
    public String signature;

    @Column(name = "key_id", nullable = false)
    public String keyId;
}
