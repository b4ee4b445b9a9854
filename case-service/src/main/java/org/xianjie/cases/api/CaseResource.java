package org.xianjie.cases.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.cases.service.CaseListQuery;
import org.xianjie.cases.service.CaseQueries;
import org.xianjie.cases.service.CaseService;
import org.xianjie.cases.service.command.CloseCaseRequest;
import org.xianjie.cases.service.command.EvidenceRequest;
import org.xianjie.cases.service.command.OpenCaseRequest;
import org.xianjie.cases.service.command.PenaltyRequest;
import org.xianjie.cases.service.command.RecordFactsRequest;
import org.xianjie.cases.service.command.RevokePenaltyRequest;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.integrity.api.ChainIntegrityView;

/** Administrative cases: the front door for agency systems. */
@Path("/api/v1/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "cases", description = "Administrative cases (行政执法案件)")
public class CaseResource {

    private static final String KEY_DOC = "Optional client-chosen key (1-200 visible ASCII characters); "
            + "a repeat with the same key and request returns the first response with Idempotent-Replayed: true";

    private final CaseService cases;
    private final CaseQueries queries;
    private final CurrentCaller caller;
    private final IdempotentWrites writes;

    public CaseResource(CaseService cases, CaseQueries queries, CurrentCaller caller, IdempotentWrites writes) {
        this.cases = cases;
        this.queries = queries;
        this.caller = caller;
        this.writes = writes;
    }

    @POST
    @Operation(operationId = "openCase", summary = "Open a case (立案)")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> open(
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = OpenCaseRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "trademark case",
                                                            value = ApiExamples.OPEN_CASE)))
                    @Valid
                    @NotNull
                    OpenCaseRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases",
                request,
                201,
                () -> cases.open(who, request).map(CaseView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "Read one case with its evidence and penalty decision")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return queries.find(caller.get(), id).map(CaseView::of);
    }

    @GET
    @Operation(
            operationId = "listCases",
            summary = "List the cases the caller may see, newest first, with filters and a cursor")
    public Uni<CasePage> list(
            @QueryParam("state") String state,
            @QueryParam("category") String category,
            @QueryParam("region") String region,
            @Parameter(description = "opened on or after (yyyy-MM-dd)") @QueryParam("openedFrom") String openedFrom,
            @Parameter(description = "opened on or before (yyyy-MM-dd)") @QueryParam("openedTo") String openedTo,
            @Parameter(description = "text in title, summary or case number") @QueryParam("q") String text,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        CaseListQuery query = CaseListQuery.parse(state, category, region, openedFrom, openedTo, text, cursor, limit);
        return queries.list(caller.get(), query).map(CasePage::of);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getCaseTimeline", summary = "The case's history: each change and each referral step")
    public Uni<List<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return queries.timeline(caller.get(), id)
                .map(rows -> rows.stream().map(TimelineEntryView::of).toList());
    }

    @GET
    @Path("/{id}/integrity")
    @Operation(
            operationId = "verifyCaseIntegrity",
            summary = "Verify the case's tamper-evident record (hash chain "
                    + "and latest signed checkpoint); BROKEN names the first entry that does not verify")
    @APIResponse(
            responseCode = "200",
            description = "The verification",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChainIntegrityView.class),
                            examples = @ExampleObject(name = "intact", value = ApiExamples.CHAIN_INTEGRITY)))
    public Uni<ChainIntegrityView> integrity(@PathParam("id") UUID id) {
        return queries.integrity(caller.get(), id).map(ChainIntegrityView::of);
    }

    @POST
    @Path("/{id}/facts")
    @Operation(
            operationId = "recordFacts",
            summary = "Record facts, amounts and parties (allowed while OPEN or RETURNED)")
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> recordFacts(
            @PathParam("id") UUID id,
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RecordFactsRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "amounts found",
                                                            value = ApiExamples.RECORD_FACTS)))
                    @Valid
                    @NotNull
                    RecordFactsRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases/" + id + "/facts",
                request,
                200,
                () -> cases.recordFacts(who, id, request).map(CaseView::of));
    }

    @POST
    @Path("/{id}/evidence")
    @Operation(
            operationId = "addEvidence",
            summary = "Record an evidence item with the SHA-256 of its file (not after closing)")
    @APIResponse(
            responseCode = "201",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> addEvidence(
            @PathParam("id") UUID id,
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = EvidenceRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "expert opinion",
                                                            value = ApiExamples.EVIDENCE)))
                    @Valid
                    @NotNull
                    EvidenceRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases/" + id + "/evidence",
                request,
                201,
                () -> cases.addEvidence(who, id, request).map(CaseView::of));
    }

    @POST
    @Path("/{id}/penalty")
    @Operation(
            operationId = "decidePenalty",
            summary = "Record the penalty decision (行政处罚决定; allowed while OPEN or RETURNED)")
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> decidePenalty(
            @PathParam("id") UUID id,
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PenaltyRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "fine and confiscation",
                                                            value = ApiExamples.PENALTY)))
                    @Valid
                    @NotNull
                    PenaltyRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases/" + id + "/penalty",
                request,
                200,
                () -> cases.decidePenalty(who, id, request).map(CaseView::of));
    }

    @POST
    @Path("/{id}/penalty/revoke")
    @Operation(
            operationId = "revokePenalty",
            summary = "Revoke the penalty decision (行政处罚决定的撤销; only the agency that recorded it, once; "
                    + "allowed while PENALTY_DECIDED or CLOSED)",
            description = "The decision stays on the case with its revocation; a PENALTY_DECIDED case returns to "
                    + "OPEN (the agency may decide anew or close), a CLOSED one stays closed. Announced as "
                    + "org.xianjie.case.penalty-revoked.v1; the credit feed sends org.xianjie.credit.penalty-revoked.v1 "
                    + "if the decision was published.")
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> revokePenalty(
            @PathParam("id") UUID id,
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RevokePenaltyRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "revoked on reconsideration",
                                                            value = ApiExamples.REVOKE_PENALTY)))
                    @Valid
                    @NotNull
                    RevokePenaltyRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases/" + id + "/penalty/revoke",
                request,
                200,
                () -> cases.revokePenalty(who, id, request).map(CaseView::of));
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            operationId = "closeCase",
            summary = "Close the case (结案; allowed while OPEN, PENALTY_DECIDED or RETURNED)")
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> close(
            @PathParam("id") UUID id,
            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = CloseCaseRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "closed after payment",
                                                            value = ApiExamples.CLOSE)))
                    @Valid
                    @NotNull
                    CloseCaseRequest request) {
        Caller who = caller.get();
        return writes.run(
                who,
                key,
                "POST /cases/" + id + "/close",
                request,
                200,
                () -> cases.close(who, id, request).map(CaseView::of));
    }
}
