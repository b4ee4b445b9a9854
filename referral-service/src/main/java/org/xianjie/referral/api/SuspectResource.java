package org.xianjie.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.referral.service.SuspectService;

/**
 * 犯罪嫌疑人: the suspects of a referral. Recorded by the referring agency or the police; the
 * decisions for each are taken with the referral's steps ({@code suspects} of the step's body).
 */
@Path("/api/v1/referrals/{id}/suspects")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class SuspectResource {

    private final SuspectService suspects;
    private final CurrentCaller caller;
    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;

    public SuspectResource(
            SuspectService suspects, CurrentCaller caller, IdempotencyStore idempotency, ObjectMapper mapper) {
        this.suspects = suspects;
        this.caller = caller;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @Operation(
            operationId = "recordReferralSuspect",
            summary = "Record a suspect (person or company) of the referral with the charges")
    @APIResponse(
            responseCode = "201",
            description = "The suspect recorded, identity number masked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SuspectView.class)))
    public Uni<Response> record(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull SuspectInput input) {
        Caller c = caller.get();
        String validKey = IdempotencyStore.validKey(IdempotencyStore.KEY_HEADER, key);
        String hash = IdempotencyStore.hash("POST", "/api/v1/referrals/" + id + "/suspects", json(input));
        return idempotency
                .execute(
                        c.agencyCode(),
                        validKey,
                        hash,
                        () -> suspects.record(c, id, input.toNewSuspect())
                                .map(s -> IdempotentResponse.of(201, json(SuspectView.of(s)))))
                .map(IdempotentResponse::toResponse);
    }

    @GET
    @Operation(
            operationId = "listReferralSuspects",
            summary = "The suspects of the referral with every decision taken for each")
    public Uni<List<SuspectView>> list(@PathParam("id") UUID id) {
        return suspects.list(caller.get(), id)
                .map(l -> l.stream().map(SuspectView::of).toList());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
