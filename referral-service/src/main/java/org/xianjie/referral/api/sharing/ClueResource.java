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
import org.xianjie.referral.service.sharing.ClueService;

/** 线索通报: send a clue to agencies of any region; the receiver accepts, declines, forwards or opens a case. */
@Path("/api/v1/clues")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class ClueResource {

    private final ClueService clues;
    private final SharingWrites writes;

    public ClueResource(ClueService clues, SharingWrites writes) {
        this.clues = clues;
        this.writes = writes;
    }

    @POST
    @Operation(
            operationId = "sendClue",
            summary =
                    "Send a clue (what, who, where, evidence digests) to named agencies or to every agency of a type in a region; each receiver's reply limit starts")
    @APIResponse(
            responseCode = "201",
            description = "The clue sent",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> send(@HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull ClueRequest r) {
        List<ClueService.EvidenceDigest> evidence = r.evidence() == null
                ? List.of()
                : r.evidence().stream()
                        .map(d -> new ClueService.EvidenceDigest(d.title(), d.sha256()))
                        .toList();
        return writes.create(
                key,
                "/api/v1/clues",
                r,
                c -> clues.send(
                        c,
                        new ClueService.Send(
                                r.title(),
                                r.what(),
                                r.who(),
                                r.where(),
                                evidence,
                                r.to(),
                                r.toType(),
                                r.toRegion(),
                                r.occurredAt())));
    }

    @GET
    @Operation(operationId = "listClues", summary = "Clues the caller sent or received, newest first")
    public Uni<List<SharingView.Summary>> list() {
        return writes.list(SharingKind.CLUE);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getClue",
            summary = "A clue with its receivers' replies and reply limits (sender and receivers only)")
    public Uni<SharingView> get(@PathParam("id") UUID id) {
        return writes.find(id, SharingKind.CLUE);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptClue", summary = "Accept a clue (接收) for handling")
    @APIResponse(
            responseCode = "200",
            description = "The clue after the reply",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> accept(
            @PathParam("id") UUID id, @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid ActRequest r) {
        ActRequest body = SharingWrites.orEmpty(r);
        return writes.act(
                key, "/api/v1/clues/" + id + "/accept", body, c -> clues.accept(c, id, body.text(), body.occurredAt()));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(operationId = "declineClue", summary = "Decline a clue (不予接收) with reasons")
    @APIResponse(
            responseCode = "200",
            description = "The clue after the reply",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> decline(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ActRequest r) {
        return writes.actWithText(
                key, "/api/v1/clues/" + id + "/decline", r, (c, text) -> clues.decline(c, id, text, r.occurredAt()));
    }

    @POST
    @Path("/{id}/forward")
    @Operation(
            operationId = "forwardClue",
            summary = "Forward a clue (转交) to another agency, whose own reply limit starts")
    @APIResponse(
            responseCode = "200",
            description = "The clue after the forwarding",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> forward(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ForwardRequest r) {
        return writes.act(
                key,
                "/api/v1/clues/" + id + "/forward",
                r,
                c -> clues.forward(c, id, r.to(), r.reason().strip(), r.occurredAt()));
    }

    @POST
    @Path("/{id}/open-case")
    @Operation(
            operationId = "openCaseFromClue",
            summary = "Record the case the receiver opened from the clue (立案); the clue and the case are linked")
    @APIResponse(
            responseCode = "200",
            description = "The clue with its linked case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> openCase(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull OpenCaseFromClueRequest r) {
        return writes.act(
                key,
                "/api/v1/clues/" + id + "/open-case",
                r,
                c -> clues.openCase(c, id, r.caseId(), r.caseNumber(), r.occurredAt()));
    }
}
