package org.xianjie.platform.integrity.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.platform.integrity.DeliveryEvidenceRecord;
import org.xianjie.platform.integrity.IntegritySigner;

/** A signed evidence of delivery (送达证据), verifiable with the issuing service's public key. */
@Schema(name = "DeliveryEvidence")
public record DeliveryEvidenceView(
        UUID id,

        @Schema(description = "SUBMISSION_ACCEPTANCE, DELIVERY or RETRIEVAL")
        String evidenceType,

        String subjectType,
        String subjectId,
        String sender,
        String addressee,
        OffsetDateTime at,

        @Schema(
                description = "The signed text: canonical JSON (RFC 8785) of every field, with the event id, "
                        + "the actor, the issuer and the key id")
        String payload,

        @Schema(description = "Ed25519 signature of the payload's UTF-8 bytes, base64url without padding")
        String signature,

        String algorithm,
        String keyId) {

    public static DeliveryEvidenceView of(DeliveryEvidenceRecord e) {
        return new DeliveryEvidenceView(
                e.id,
                e.evidenceType,
                e.subjectType,
                e.subjectId,
                e.sender,
                e.addressee,
                e.at,
                e.payload,
                e.signature,
                IntegritySigner.ALGORITHM,
                e.keyId);
    }
}
