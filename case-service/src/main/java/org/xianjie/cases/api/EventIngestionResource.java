package org.xianjie.cases.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.events.CloudEvent;
import org.xianjie.platform.identity.CurrentCaller;

/**
 * CloudEvents ingestion for agency systems that already emit events: the same effect as the REST
 * actions, one event ({@code application/cloudevents+json}) or a batch
 * ({@code application/cloudevents-batch+json}) per request, the event id as idempotency key.
 */
@Path("/api/v1/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "events", description = "CloudEvents ingestion")
public class EventIngestionResource {

    public static final String SINGLE = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";

    private final CaseEventIngestion ingestion;
    private final CurrentCaller caller;

    public EventIngestionResource(CaseEventIngestion ingestion, CurrentCaller caller) {
        this.ingestion = ingestion;
        this.caller = caller;
    }

    @POST
    @Consumes(SINGLE)
    @Operation(
            operationId = "ingestEvent",
            summary = "Post one case event (structured CloudEvent); answered like the matching REST action")
    @APIResponse(
            responseCode = "200",
            description = "Applied (or a replay of the same event id): the case after the change",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "201",
            description = "A case.opened event opened the case",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> single(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = SINGLE,
                                            schema = @Schema(implementation = CloudEvent.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "penalty decided",
                                                            value = ApiExamples.CLOUD_EVENT)))
                    String body) {
        return ingestion.single(caller.get(), body);
    }

    /**
     * The batch, content-negotiated on the single event's path. OpenAPI cannot hold two operations
     * on one path and method, so the document shows the batch at {@code /api/v1/events/batch}
     * (below) and this one stays for agency systems that already post batches here.
     */
    @POST
    @Consumes(BATCH)
    @Operation(hidden = true)
    public Uni<Response> batch(String body) {
        return ingestion.batch(caller.get(), body);
    }

    @POST
    @Path("/batch")
    @Consumes(BATCH)
    @Operation(
            operationId = "ingestEventBatch",
            summary = "Post up to 100 case events, applied in order; each gets its own result")
    @APIResponse(
            responseCode = "200",
            description = "One result per event, in order: its status and the case, or its problem",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseEventIngestion.BatchResults.class)))
    public Uni<Response> batchAtOwnPath(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = BATCH,
                                            schema =
                                                    @Schema(
                                                            type = SchemaType.ARRAY,
                                                            implementation = CloudEvent.class,
                                                            maxItems = 100),
                                            examples =
                                                    @ExampleObject(
                                                            name = "open and record facts",
                                                            value = ApiExamples.CLOUD_EVENT_BATCH)))
                    String body) {
        return ingestion.batch(caller.get(), body);
    }
}
