package org.xianjie.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.identity.Regions;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.service.PenaltyReviewService;

/**
 * 行政处罚决定审查: the penalty decisions a procuratorate supervises (its region and the regions
 * beneath it) with their review state, and the record of a review.
 */
@Path("/api/v1/penalty-decisions")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class PenaltyDecisionResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final PenaltyReviewService reviews;
    private final CurrentCaller caller;
    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;

    public PenaltyDecisionResource(
            PenaltyReviewService reviews, CurrentCaller caller, IdempotencyStore idempotency, ObjectMapper mapper) {
        this.reviews = reviews;
        this.caller = caller;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @GET
    @Operation(
            operationId = "listPenaltyDecisions",
            summary = "Penalty decisions of the caller's (a procuratorate's) region and the regions beneath it, "
                    + "with their review state, newest decision first")
    public Uni<List<PenaltyDecisionView>> list(
            @Parameter(description = "only this GB/T 2260 region and those beneath it, e.g. 120116")
                    @QueryParam("region")
                    String region,
            @Parameter(
                            description =
                                    "true: only decisions with a review of the current decision; false: only those without")
                    @QueryParam("reviewed")
                    String reviewed,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (region != null && !Regions.isCode(region)) {
            throw ProblemException.badRequest("region", "must be a 6-digit GB/T 2260 region code");
        }
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return reviews.list(caller.get(), region, ReferralResource.bool("reviewed", reviewed), page, size)
                .map(list -> list.stream().map(PenaltyDecisionView::of).toList());
    }

    @GET
    @Path("/{caseId}")
    @Operation(operationId = "getPenaltyDecision", summary = "One penalty decision with its reviews")
    public Uni<PenaltyDecisionView> get(@PathParam("caseId") UUID caseId) {
        return reviews.find(caller.get(), caseId).map(PenaltyDecisionView::of);
    }

    @POST
    @Path("/{caseId}/reviews")
    @Operation(
            operationId = "reviewPenaltyDecision",
            summary = "Record the procuratorate's review of a penalty decision (行政处罚决定审查) and its outcome")
    public Uni<Response> review(
            @PathParam("caseId") UUID caseId,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ReviewRequest request) {
        Caller c = caller.get();
        String validKey = IdempotencyStore.validKey(IdempotencyStore.KEY_HEADER, key);
        String hash = IdempotencyStore.hash("POST", "/api/v1/penalty-decisions/" + caseId + "/reviews", json(request));
        return idempotency
                .execute(
                        c.agencyCode(),
                        validKey,
                        hash,
                        () -> reviews.review(c, caseId, request.outcome(), request.note(), request.occurredAt())
                                .map(review -> IdempotentResponse.of(201, json(PenaltyReviewView.of(review)))))
                .map(IdempotentResponse::toResponse);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
