package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.notification.domain.DeliveryEvidenceAccess;
import org.xianjie.notification.persistence.DeliveryEvidenceStore;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.integrity.DeliveryEvidenceRecord;
import org.xianjie.platform.integrity.DeliveryEvidences;
import org.xianjie.platform.problem.ProblemException;

/**
 * 送达凭证: the DELIVERY evidence (ETSI REM ContentConsignment) of a notification, issued when the
 * addressee's own system acknowledged it, that is when its webhook endpoint answered 2xx. That is the
 * one moment notification-service knows the item left the suite and was taken by the addressee:
 * storing it in the inbox is the suite's own act, a stream has no acknowledgement, and a read
 * receipt is a person's retrieval, not a delivery. Signed like every evidence of the suite
 * ({@link DeliveryEvidences}: canonical JSON, Ed25519, the service's key), one per endpoint that took it.
 */
@ApplicationScoped
public class NotificationEvidences {

    private final DeliveryEvidences evidences;
    private final DeliveryEvidenceStore store;

    public NotificationEvidences(DeliveryEvidences evidences, DeliveryEvidenceStore store) {
        this.evidences = evidences;
        this.store = store;
    }

    /**
     * Records, in the caller's transaction, that the addressee's endpoint took the notification at
     * {@code at}; nothing if the notification is gone (retention removed it).
     */
    public Uni<Void> delivered(SqlClient tx, UUID notificationId, UUID endpointId, OffsetDateTime at) {
        return store.handOver(tx, notificationId)
                .chain(found -> found.map(h -> store.insert(
                                tx,
                                evidences.sign(
                                        DeliveryEvidences.Type.DELIVERY,
                                        DeliveryEvidenceStore.SUBJECT,
                                        notificationId.toString(),
                                        h.sender(),
                                        h.addressee(),
                                        "webhook-endpoint:" + endpointId,
                                        h.eventId(),
                                        at)))
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    /** The evidences of a notification, for its addressee and its sender only (404 for anyone else). */
    public Uni<List<DeliveryEvidenceRecord>> of(Caller caller, UUID notificationId) {
        return store.handOver(notificationId).chain(found -> {
            boolean party = found.filter(h -> DeliveryEvidenceAccess.mayRead(
                            caller.agencyCode(), caller.roles(), h.addressee(), h.role(), h.sender()))
                    .isPresent();
            if (!party) {
                return Uni.createFrom().failure(ProblemException.notFound("notification", notificationId));
            }
            return store.of(notificationId);
        });
    }
}
