package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xianjie.notification.domain.EventTypeFilter;
import org.xianjie.notification.domain.WebhookSignature;
import org.xianjie.notification.domain.WebhookUrls;
import org.xianjie.notification.persistence.DeliveryView;
import org.xianjie.notification.persistence.WebhookStore;
import org.xianjie.notification.persistence.WebhookView;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;

/**
 * Webhook endpoints of agency systems. Only an agency's {@code admin} or {@code head} may register
 * or remove them (they send the agency's notifications elsewhere); any member may read the logs.
 */
@ApplicationScoped
public class WebhookService {

    private static final int MAX_ENDPOINTS = 20;

    private final WebhookStore store;
    private final WebhookWorker worker;
    private final WebhookAddressPolicy addresses;

    public WebhookService(WebhookStore store, WebhookWorker worker, WebhookAddressPolicy addresses) {
        this.store = store;
        this.worker = worker;
        this.addresses = addresses;
    }

    public Uni<WebhookView> register(Caller caller, WebhookRequest request) {
        requireManager(caller);
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        WebhookUrls.problem(request.url()).ifPresent(p -> errors.add(new Problem.FieldError("url", p)));
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            errors.add(new Problem.FieldError("eventTypes", "must name at least one event type or '*'"));
        } else if (request.eventTypes().size() > 50) {
            errors.add(new Problem.FieldError("eventTypes", "must have at most 50 entries"));
        } else {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                if (!EventTypeFilter.isValidPattern(request.eventTypes().get(i))) {
                    errors.add(
                            new Problem.FieldError(
                                    "eventTypes[" + i + "]",
                                    "must be '*' or an event type such as org.xianjie.referral.send.v1, optionally ending in '*'"));
                }
            }
        }
        if (request.secret() != null && !WebhookSignature.isValidSecret(request.secret())) {
            errors.add(new Problem.FieldError("secret", "must be 'whsec_' followed by base64 of at least 24 bytes"));
        }
        if (request.description() != null && request.description().length() > 500) {
            errors.add(new Problem.FieldError("description", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String secret = request.secret() != null ? request.secret() : WebhookSignature.newSecret();
        return addresses
                .problemAtRegistration(request.url())
                .chain(refused -> {
                    if (refused.isPresent()) {
                        return Uni.createFrom().failure(ProblemException.badRequest("url", refused.get()));
                    }
                    return store.list(caller.agencyCode());
                })
                .chain(existing -> {
                    if (existing.size() >= MAX_ENDPOINTS) {
                        return Uni.createFrom()
                                .failure(ProblemException.conflict(
                                        "an agency may register at most " + MAX_ENDPOINTS + " webhook endpoints"));
                    }
                    return store.insert(
                            UUID.randomUUID(),
                            caller.agencyCode(),
                            request.url(),
                            List.copyOf(request.eventTypes()),
                            request.description(),
                            secret,
                            caller.user(),
                            OffsetDateTime.now(ZoneOffset.UTC));
                });
    }

    public Uni<List<WebhookView>> list(Caller caller) {
        return store.list(caller.agencyCode());
    }

    public Uni<WebhookView> get(Caller caller, UUID id) {
        return store.find(caller.agencyCode(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("webhook", id)));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        requireManager(caller);
        return store.delete(caller.agencyCode(), id)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("webhook", id);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<List<DeliveryView>> deliveries(Caller caller, UUID id, String status, int limit) {
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw ProblemException.badRequest("status", "must be one of PENDING, DELIVERED, DEAD");
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit", "must be between 1 and 200");
        }
        return get(caller, id).chain(endpoint -> store.deliveries(endpoint.id(), status, limit));
    }

    public Uni<Void> redeliver(Caller caller, UUID id, long deliveryId) {
        requireManager(caller);
        return get(caller, id)
                .chain(endpoint -> store.redeliver(endpoint.id(), deliveryId).chain(done -> {
                    if (done) {
                        worker.wake();
                        return Uni.createFrom().voidItem();
                    }
                    return store.deliveryStatus(endpoint.id(), deliveryId).map(status -> {
                        throw status.isEmpty()
                                ? ProblemException.notFound("delivery", deliveryId)
                                : ProblemException.stateConflict(
                                        "only a dead delivery can be redelivered", status.get(), List.of());
                    });
                }));
    }

    private static void requireManager(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_ADMIN) && !caller.hasRole(Caller.ROLE_HEAD)) {
            throw ProblemException.forbidden("only an agency admin or head manages webhooks");
        }
    }
}
