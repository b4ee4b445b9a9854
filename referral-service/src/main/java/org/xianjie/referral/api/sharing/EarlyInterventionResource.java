package org.xianjie.referral.api.sharing;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.service.sharing.ConsultationService;

/** 提前介入: the procuratorate steps into a filed criminal case, the police answer, the procuratorate guides. */
@Path("/api/v1/early-interventions")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class EarlyInterventionResource {

    private final ConsultationService consultations;
    private final SharingWrites writes;

    public EarlyInterventionResource(ConsultationService consultations, SharingWrites writes) {
        this.consultations = consultations;
        this.writes = writes;
    }

    @POST
    @Operation(
            operationId = "startEarlyIntervention",
            summary =
                    "The procuratorate intervenes early in a case the police filed from a referral; the police's answer limit starts")
    @APIResponse(
            responseCode = "201",
            description = "The early intervention on record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> start(
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull EarlyInterventionRequest r) {
        return writes.create(
                key,
                "/api/v1/early-interventions",
                r,
                c -> consultations.intervene(
                        c, new ConsultationService.Intervene(r.referralId(), r.purpose(), r.occurredAt())));
    }

    @GET
    @Operation(
            operationId = "listEarlyInterventions",
            summary = "Early interventions the caller started or was addressed by, newest first")
    public Uni<List<SharingView.Summary>> list() {
        return writes.list(SharingKind.EARLY_INTERVENTION);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getEarlyIntervention",
            summary = "An early intervention with its answer, guidance and answer limit")
    public Uni<SharingView> get(@PathParam("id") UUID id) {
        return writes.find(id, SharingKind.EARLY_INTERVENTION);
    }

    @POST
    @Path("/{id}/answer")
    @Operation(
            operationId = "answerEarlyIntervention",
            summary = "The police answer the early intervention (state of the evidence, measures)")
    @APIResponse(
            responseCode = "200",
            description = "The intervention answered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> answer(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ActRequest r) {
        return writes.actWithText(
                key,
                "/api/v1/early-interventions/" + id + "/answer",
                r,
                (c, text) -> consultations.answerIntervention(c, id, text, r.occurredAt()));
    }

    @POST
    @Path("/{id}/guidance")
    @Operation(
            operationId = "guideEarlyIntervention",
            summary = "The procuratorate records its guidance on evidence collection (引导取证)")
    @APIResponse(
            responseCode = "200",
            description = "The intervention with the guidance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> guide(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ActRequest r) {
        return writes.actWithText(
                key,
                "/api/v1/early-interventions/" + id + "/guidance",
                r,
                (c, text) -> consultations.guide(c, id, text, r.occurredAt()));
    }
}
