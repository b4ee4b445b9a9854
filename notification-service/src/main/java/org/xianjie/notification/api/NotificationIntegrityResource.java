package org.xianjie.notification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.platform.integrity.IntegritySigner;
import org.xianjie.platform.integrity.api.PublicKeyView;

/**
 * notification-service's public key, which verifies its evidences of delivery outside the suite.
 * Only the key: notification-service keeps no hash chain, so it has no checkpoints to serve (the
 * other services' {@link org.xianjie.platform.integrity.api.IntegrityEndpoints}).
 */
@Path("/api/v1/notifications/integrity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationIntegrityResource {

    private final IntegritySigner signer;
    private final String issuer;

    public NotificationIntegrityResource(
            IntegritySigner signer, @ConfigProperty(name = "quarkus.application.name") String issuer) {
        this.signer = signer;
        this.issuer = issuer;
    }

    @GET
    @Path("/public-key")
    @PermitAll
    // An empty requirement says so in the document: no token is needed to fetch the key.
    @SecurityRequirements
    @Operation(
            operationId = "getIntegrityPublicKey",
            summary = "The Ed25519 public key (JWK and PEM) that verifies this service's evidences of delivery; "
                    + "public, so that anyone can verify them")
    public PublicKeyView publicKey() {
        return PublicKeyView.of(issuer, signer);
    }
}
