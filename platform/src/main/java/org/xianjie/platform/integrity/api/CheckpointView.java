package org.xianjie.platform.integrity.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.platform.integrity.CheckpointRecord;
import org.xianjie.platform.integrity.IntegritySigner;

/** A signed checkpoint (签名检查点) of the chain heads, as a verifier needs it. */
@Schema(name = "IntegrityCheckpoint", description = "Chain heads sealed and signed by the issuing service")
public record CheckpointView(
        UUID id,
        String issuer,
        OffsetDateTime sealedAt,

        @Schema(
                description =
                        "The signed text: canonical JSON (RFC 8785) with checkpointId, issuer, sealedAt, previous "
                                + "(payloadHash of the issuer's previous checkpoint), algorithm, keyId and heads [{chain: SHA-256 of the "
                                + "case id, sequence, hash}]")
        String payload,

        @Schema(description = "SHA-256 (hex) of the payload's UTF-8 bytes")
        String payloadHash,

        @Schema(description = "Ed25519 signature of the payload's UTF-8 bytes, base64url without padding")
        String signature,

        String algorithm,

        @Schema(description = "JWK thumbprint (RFC 7638) of the public key")
        String keyId) {

    public static CheckpointView of(CheckpointRecord c) {
        return new CheckpointView(
                c.id, c.issuer, c.sealedAt, c.payload, c.payloadHash, c.signature, IntegritySigner.ALGORITHM, c.keyId);
    }
}
