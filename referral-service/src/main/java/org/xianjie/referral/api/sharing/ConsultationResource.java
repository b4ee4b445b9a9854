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

/** 案件咨询: ask the police or procuratorate about a case before any referral; they answer within the limit. */
@Path("/api/v1/consultations")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class ConsultationResource {

    private final ConsultationService consultations;
    private final SharingWrites writes;

    public ConsultationResource(ConsultationService consultations, SharingWrites writes) {
        this.consultations = consultations;
        this.writes = writes;
    }

    @POST
    @Operation(
            operationId = "askConsultation",
            summary = "Ask the police or procuratorate about a case still under investigation; the answer limit starts")
    @APIResponse(
            responseCode = "201",
            description = "The consultation asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> ask(
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull ConsultationRequest r) {
        return writes.create(
                key,
                "/api/v1/consultations",
                r,
                c -> consultations.ask(
                        c,
                        new ConsultationService.Ask(
                                r.to(), r.caseId(), r.caseNumber(), r.title(), r.question(), r.occurredAt())));
    }

    @GET
    @Operation(operationId = "listConsultations", summary = "Consultations the caller asked or was asked, newest first")
    public Uni<List<SharingView.Summary>> list() {
        return writes.list(SharingKind.CONSULTATION);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getConsultation",
            summary = "A consultation with its answer and answer limit (asker and addressee only)")
    public Uni<SharingView> get(@PathParam("id") UUID id) {
        return writes.find(id, SharingKind.CONSULTATION);
    }

    @POST
    @Path("/{id}/answer")
    @Operation(operationId = "answerConsultation", summary = "Answer a consultation (咨询答复)")
    @APIResponse(
            responseCode = "200",
            description = "The consultation answered",
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
                "/api/v1/consultations/" + id + "/answer",
                r,
                (c, text) -> consultations.answer(c, id, text, r.occurredAt()));
    }
}
