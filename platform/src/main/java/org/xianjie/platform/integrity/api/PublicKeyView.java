package org.xianjie.platform.integrity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.platform.integrity.IntegritySigner;

/** The public key that verifies a service's checkpoints and evidences, as JWK (RFC 8037) and PEM. */
@Schema(name = "IntegrityPublicKey")
public record PublicKeyView(
        String issuer,
        String keyId,
        Jwk jwk,

        @Schema(description = "X.509 SubjectPublicKeyInfo, PEM")
        String pem) {

    public record Jwk(String kty, String crv, String x, String kid, String use, String alg) {}

    public static PublicKeyView of(String issuer, IntegritySigner signer) {
        return new PublicKeyView(
                issuer,
                signer.keyId(),
                new Jwk("OKP", "Ed25519", signer.x(), signer.keyId(), "sig", "EdDSA"),
                signer.pem());
    }
}
