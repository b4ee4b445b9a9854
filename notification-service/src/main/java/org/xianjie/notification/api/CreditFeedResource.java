package org.xianjie.notification.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.xianjie.notification.persistence.CreditFeedDeliveryView;
import org.xianjie.notification.service.CreditFeedLog;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.problem.ProblemException;

/** The audit log of the 联合奖惩 credit feed: every event pushed to the credit-sharing platform. */
@Path("/api/v1/admin/credit-feed")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credit feed", description = "Public penalty decisions pushed to the credit-sharing platform (联合奖惩)")
public class CreditFeedResource {

    private final CreditFeedLog log;
    private final CurrentCaller caller;

    public CreditFeedResource(CreditFeedLog log, CurrentCaller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    @Path("/deliveries")
    @Operation(
            operationId = "listCreditFeedDeliveries",
            summary = "Credit feed events and their delivery state, newest first (platform operator only)")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = CreditFeedDeliveryView.class,
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                            examples = @ExampleObject(name = "published, then corrected", value = """
                            [{"id": 2, "eventId": "5b1f0d8e-8c1e-3a55-9a4b-0e6a1f1c2d3e",
                              "eventType": "org.xianjie.credit.penalty-corrected.v1",
                              "caseId": "3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40", "decisionNumber": "津市监处罚〔2026〕12号",
                              "decisionVersion": 2, "status": "PENDING", "attempts": 1, "lastStatus": 503,
                              "lastError": "HTTP 503", "createdAt": "2026-03-02T09:31:00Z",
                              "nextAttemptAt": "2026-03-02T09:31:05Z"},
                             {"id": 1, "eventId": "0e2c4a6b-1d3f-3b5a-8c7e-9f0a1b2c3d4e",
                              "eventType": "org.xianjie.credit.penalty-published.v1",
                              "caseId": "3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40", "decisionNumber": "津市监处罚〔2026〕12号",
                              "decisionVersion": 1, "status": "DELIVERED", "attempts": 1, "lastStatus": 202,
                              "createdAt": "2026-03-02T09:30:00Z", "nextAttemptAt": "2026-03-02T09:30:00Z",
                              "deliveredAt": "2026-03-02T09:30:01Z"}]""")))
    public Uni<List<CreditFeedDeliveryView>> deliveries(
            @QueryParam("status") String status,
            @QueryParam("caseId") String caseId,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return log.deliveries(caller.get(), status, parseCase(caseId), limit);
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @ResponseStatus(202)
    @Operation(
            operationId = "redeliverCreditFeedDelivery",
            summary =
                    "Queue a dead credit feed delivery again with a fresh attempt budget (same event id; platform operator only)")
    @APIResponse(responseCode = "202", description = "Queued for delivery")
    public Uni<Void> redeliver(@PathParam("id") long id) {
        return log.redeliver(caller.get(), id);
    }

    private static UUID parseCase(String caseId) {
        if (caseId == null) {
            return null;
        }
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("caseId", "must be a UUID");
        }
    }
}
