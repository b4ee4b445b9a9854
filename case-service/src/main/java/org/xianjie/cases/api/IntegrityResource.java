package org.xianjie.cases.api;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.platform.integrity.Checkpoints;
import org.xianjie.platform.integrity.IntegritySigner;
import org.xianjie.platform.integrity.api.IntegrityEndpoints;

/** case-service's public key and signed checkpoints, under its own resource root ({@link IntegrityEndpoints}). */
@Path("/api/v1/cases/integrity")
@Tag(name = "integrity", description = "Tamper-evident record: public key and signed checkpoints")
public class IntegrityResource extends IntegrityEndpoints {

    public IntegrityResource(
            Checkpoints checkpoints,
            IntegritySigner signer,
            @ConfigProperty(name = "quarkus.application.name") String issuer) {
        super(checkpoints, signer, issuer);
    }
}
