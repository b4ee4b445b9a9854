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
import org.xianjie.referral.service.sharing.BulletinService;

/** 重大案件通报: issue a major-case bulletin, sign its read receipt, follow it up. */
@Path("/api/v1/bulletins")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class BulletinResource {

    private final BulletinService bulletins;
    private final SharingWrites writes;

    public BulletinResource(BulletinService bulletins, SharingWrites writes) {
        this.bulletins = bulletins;
        this.writes = writes;
    }

    @POST
    @Operation(
            operationId = "issueBulletin",
            summary =
                    "Mark a case major and issue a bulletin to the agencies that must know (same-level police and procuratorate, agencies of the same type in the region, police and procuratorate of the regions above)")
    @APIResponse(
            responseCode = "201",
            description = "The bulletin issued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> issue(
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull BulletinRequest r) {
        return writes.create(
                key,
                "/api/v1/bulletins",
                r,
                c -> bulletins.issue(
                        c,
                        new BulletinService.Issue(
                                r.caseId(), r.title(), r.summary(), r.amount(), r.decision(), r.occurredAt())));
    }

    @GET
    @Operation(operationId = "listBulletins", summary = "Bulletins the caller issued or received, newest first")
    public Uni<List<SharingView.Summary>> list() {
        return writes.list(SharingKind.BULLETIN);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getBulletin",
            summary = "A bulletin with its read receipts and follow-ups (sender and addressees only)")
    public Uni<SharingView> get(@PathParam("id") UUID id) {
        return writes.find(id, SharingKind.BULLETIN);
    }

    @POST
    @Path("/{id}/read")
    @Operation(
            operationId = "readBulletin",
            summary = "Sign the read receipt (已阅) of a bulletin addressed to the caller")
    @APIResponse(
            responseCode = "200",
            description = "The bulletin after the receipt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> read(
            @PathParam("id") UUID id, @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid ActRequest r) {
        ActRequest body = SharingWrites.orEmpty(r);
        return writes.act(
                key, "/api/v1/bulletins/" + id + "/read", body, c -> bulletins.read(c, id, body.occurredAt()));
    }

    @POST
    @Path("/{id}/follow-ups")
    @Operation(
            operationId = "followUpBulletin",
            summary = "Add a follow-up (跟进) to a bulletin, by its sender or an addressee")
    @APIResponse(
            responseCode = "200",
            description = "The bulletin with the follow-up",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> followUp(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ActRequest r) {
        return writes.actWithText(
                key,
                "/api/v1/bulletins/" + id + "/follow-ups",
                r,
                (c, text) -> bulletins.followUp(c, id, text, r.occurredAt()));
    }
}
