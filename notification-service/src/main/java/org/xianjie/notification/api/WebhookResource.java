package org.xianjie.notification.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.xianjie.notification.persistence.DeliveryView;
import org.xianjie.notification.persistence.WebhookView;
import org.xianjie.notification.service.WebhookRequest;
import org.xianjie.notification.service.WebhookService;
import org.xianjie.platform.identity.CurrentCaller;

/**
 * Webhook endpoints of the caller's agency: deliveries are signed (Standard Webhooks: headers
 * webhook-id, webhook-timestamp, webhook-signature "v1,&lt;base64&gt;"), retried, and parked as dead
 * letters after the last attempt.
 */
@Path("/api/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed, retried push to agency systems")
public class WebhookResource {

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    public WebhookResource(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(
            responseCode = "201",
            description = "Registered; the only response that carries the secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @Operation(
            operationId = "registerWebhook",
            summary = "Register an endpoint (admin or head); the secret is returned only here")
    public Uni<WebhookView> register(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "referral events", value = """
                    {"url": "https://case-system.tjamr.example/hooks/xianjie",
                     "eventTypes": ["org.xianjie.referral.*"], "description": "办案系统"}""")))
                    WebhookRequest request) {
        return webhooks.register(caller.get(), request);
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The agency's endpoints (without secrets)")
    public Uni<List<WebhookView>> listWebhooks() {
        return webhooks.list(caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook")
    public Uni<WebhookView> getWebhook(@PathParam("id") UUID id) {
        return webhooks.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(operationId = "deleteWebhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> deleteWebhook(@PathParam("id") UUID id) {
        return webhooks.delete(caller.get(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Delivery log of the endpoint, newest first, each with its attempts")
    public Uni<List<DeliveryView>> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(caller.get(), id, status, limit);
    }

    @GET
    @Path("/{id}/dead-letters")
    @Operation(operationId = "listWebhookDeadLetters", summary = "Deliveries that failed every attempt (死信)")
    public Uni<List<DeliveryView>> deadLetters(
            @PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(caller.get(), id, "DEAD", limit);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(202)
    @Operation(
            operationId = "redeliverWebhookDelivery",
            summary = "Queue a dead delivery again with a fresh attempt budget (same webhook-id)")
    @APIResponse(responseCode = "202", description = "Queued for delivery")
    public Uni<Void> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.redeliver(caller.get(), id, deliveryId);
    }
}
