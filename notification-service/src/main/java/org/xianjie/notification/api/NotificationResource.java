package org.xianjie.notification.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.NotificationView;
import org.xianjie.notification.service.InboxService;
import org.xianjie.notification.service.NotificationEvidences;
import org.xianjie.notification.service.NotificationPage;
import org.xianjie.notification.service.StreamHub;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.integrity.api.DeliveryEvidenceView;

/** The inbox (收件箱) of the caller's agency and its live stream. */
@Path("/api/v1/notifications")
@Authenticated
@Tag(name = "Notifications", description = "Inbox per agency, read receipts, live stream (SSE)")
public class NotificationResource {

    private final InboxService inbox;
    private final StreamHub hub;
    private final NotificationStore store;
    private final CurrentCaller caller;
    private final NotificationEvidences evidences;

    public NotificationResource(
            InboxService inbox,
            StreamHub hub,
            NotificationStore store,
            CurrentCaller caller,
            NotificationEvidences evidences) {
        this.evidences = evidences;
        this.inbox = inbox;
        this.hub = hub;
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listNotifications", summary = "List the agency's notifications, newest first")
    public Uni<NotificationPage> listNotifications(
            @Parameter(description = "Only unacknowledged ones") @QueryParam("unread") @DefaultValue("false")
                    boolean unread,
            @Parameter(description = "INFO, ACTION or URGENT") @QueryParam("urgency") String urgency,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return inbox.list(caller.get(), unread, urgency, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getNotification", summary = "One notification of the agency")
    public Uni<NotificationView> getNotification(@PathParam("id") UUID id) {
        return inbox.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/ack")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "acknowledgeNotification",
            summary = "Acknowledge (已读回执): records who and when, once; repeating changes nothing")
    public Uni<NotificationView> acknowledge(@PathParam("id") UUID id) {
        return inbox.acknowledge(caller.get(), id);
    }

    @GET
    @Path("/{id}/evidences")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listNotificationDeliveryEvidences",
            summary = "Signed evidences of delivery of a notification (送达凭证), oldest first",
            description = "One DELIVERY evidence per webhook endpoint of the addressee that answered 2xx. "
                    + "For the addressee and for the agency whose act the notification announces; anyone else "
                    + "gets 404. Each verifies with GET /api/v1/notifications/integrity/public-key (Ed25519 over "
                    + "the payload's UTF-8 bytes).")
    @APIResponse(
            responseCode = "200",
            description = "The evidences, possibly none yet",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryEvidenceView.class, type = SchemaType.ARRAY)))
    public Uni<List<DeliveryEvidenceView>> evidences(@PathParam("id") UUID id) {
        return evidences
                .of(caller.get(), id)
                .map(list -> list.stream().map(DeliveryEvidenceView::of).toList());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "streamNotifications",
            summary = "Live stream of the agency's notifications (server-sent events)",
            description =
                    "Each event: id = the agency's sequence number, event = notification, data = the notification. "
                            + "Reconnect with Last-Event-ID (header, or lastEventId query parameter) to get exactly what was missed. "
                            + "Comments are heartbeats. Without Last-Event-ID the stream starts at the present.")
    @APIResponse(
            responseCode = "200",
            description = "text/event-stream of notifications; each event's data is a Notification",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = NotificationView.class)))
    public void stream(
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery,
            @Context SseEventSink sink,
            @Context Sse sse) {
        Caller who = caller.get();
        Long resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank()
                ? InboxService.parseCursor("Last-Event-ID", lastEventIdHeader)
                : InboxService.parseCursor("lastEventId", lastEventIdQuery);
        // Subscribed before this (worker-thread) method returns: the subscriber's first write then sends the
        // response head here, never concurrently with the SSE writer that runs after the method.
        long from = resumeFrom != null
                ? resumeFrom
                : store.currentSeq(who.agencyCode()).await().atMost(Duration.ofSeconds(10));
        hub.subscribe(who, from, sink, sse);
    }
}
