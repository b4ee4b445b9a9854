package org.xianjie.platform.integrity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.xianjie.platform.integrity.Checkpoints;
import org.xianjie.platform.integrity.IntegritySigner;
import org.xianjie.platform.problem.ProblemException;

/**
 * What anyone needs to check a service's tamper-evident records outside the suite: its public key
 * (public) and its signed checkpoints (any agency; they name cases only by hash). Each service that
 * keeps chains serves these under its own resource root by a subclass that names the path; the
 * OpenAPI filter prefixes the operation ids with the service.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class IntegrityEndpoints {

    private final Checkpoints checkpoints;
    private final IntegritySigner signer;
    private final String issuer;

    protected IntegrityEndpoints(
            Checkpoints checkpoints,
            IntegritySigner signer,
            @ConfigProperty(name = "quarkus.application.name") String issuer) {
        this.checkpoints = checkpoints;
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
            summary = "The Ed25519 public key (JWK and PEM) that "
                    + "verifies this service's checkpoints; public, so that anyone can verify them")
    public PublicKeyView publicKey() {
        return PublicKeyView.of(issuer, signer);
    }

    @GET
    @Path("/checkpoints")
    @Authenticated
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(
            operationId = "listIntegrityCheckpoints",
            summary = "The latest signed checkpoints of the chain " + "heads, newest first")
    public Uni<List<CheckpointView>> checkpoints(
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        int n = limit(limit);
        return checkpoints
                .latest(n)
                .map(list -> list.stream().map(CheckpointView::of).toList());
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to 100");
    }
}
