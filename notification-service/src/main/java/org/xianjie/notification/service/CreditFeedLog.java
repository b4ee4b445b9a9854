package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.xianjie.notification.persistence.CreditFeedDeliveryView;
import org.xianjie.notification.persistence.CreditFeedStore;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.ProblemException;

/**
 * The credit feed's delivery log, for the suite's operator only: the feed is configured for the
 * suite, not for an agency, and its log names every published decision of every agency.
 */
@ApplicationScoped
public class CreditFeedLog {

    private final CreditFeedStore store;
    private final CreditFeedWorker worker;

    public CreditFeedLog(CreditFeedStore store, CreditFeedWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    public Uni<List<CreditFeedDeliveryView>> deliveries(Caller caller, String status, UUID caseId, int limit) {
        requireOperator(caller);
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw ProblemException.badRequest("status", "must be one of PENDING, DELIVERED, DEAD");
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit", "must be between 1 and 200");
        }
        return store.deliveries(status, caseId, limit);
    }

    /** Queues a dead delivery again (same event id, so the platform can deduplicate). */
    public Uni<Void> redeliver(Caller caller, long id) {
        requireOperator(caller);
        return store.redeliver(id).chain(done -> {
            if (done) {
                worker.wake();
                return Uni.createFrom().voidItem();
            }
            return store.status(id).map(status -> {
                throw status.isEmpty()
                        ? ProblemException.notFound("delivery", id)
                        : ProblemException.stateConflict(
                                "only a dead delivery can be redelivered", status.get(), List.of());
            });
        });
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isPlatformOperator()) {
            throw ProblemException.forbidden("only the platform operator reads and redelivers the credit feed");
        }
    }
}
