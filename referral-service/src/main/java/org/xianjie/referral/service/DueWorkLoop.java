package org.xianjie.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The loop every scheduled writer of referral-service runs: claim a batch of due rows, then fire
 * each one in turn, all in one transaction. The claim is where the worker takes its lock (the
 * aggregate rows {@code for no key update … skip locked}, or an advisory lock), so each fire runs
 * under the aggregate's lock and appends through {@code Outbox.append} in the same transaction;
 * what another writer holds is skipped and is still due at the next run. A failed run is logged
 * and retried by the next one, its transaction rolled back.
 */
public final class DueWorkLoop {

    private DueWorkLoop() {}

    /**
     * A scheduled run: a failure is logged ({@code "<what> failed, will retry"}) and swallowed, the
     * next run retries, so the scheduler never sees it.
     */
    public static Uni<Void> retriedNextRun(Uni<?> run, Logger log, String what) {
        return run.onFailure()
                .invoke(e -> log.warnf("%s failed, will retry: %s", what, e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Runs {@code pass} on a safe duplicated Vert.x context, which the Hibernate Reactive session
     * needs and a caller's thread (a test, the scheduler) may not have. Callable from any thread.
     */
    public static <T> Uni<T> onSafeContext(Vertx vertx, Supplier<Uni<T>> pass) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> pass.get().subscribe().with(emitter::complete, emitter::fail)));
    }

    /**
     * In one transaction: claims the due rows (taking their locks), then fires each in claim order,
     * one after the other; returns the sum of what the fires count (events written, leads raised).
     */
    public static <R> Uni<Integer> claimAndFire(Supplier<Uni<List<R>>> claimDue, Function<R, Uni<Integer>> fireOne) {
        return Panache.withTransaction(() -> claimDue.get().chain(claimed -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (R row : claimed) {
                chain = chain.chain(count -> fireOne.apply(row).map(fired -> count + fired));
            }
            return chain;
        }));
    }

    /** One for a fire that wrote, none for one that found nothing to do. */
    public static Uni<Integer> counted(Uni<Boolean> wrote) {
        return wrote.map(w -> w ? 1 : 0);
    }
}
