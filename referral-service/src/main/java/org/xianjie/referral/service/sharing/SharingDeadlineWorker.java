package org.xianjie.referral.service.sharing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.referral.persistence.sharing.AddresseeRepository;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRecord;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRepository;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRepository;

/**
 * The referral DeadlineWorker's pattern for shared items: locks the items with a reminder or breach
 * due (skipping those another writer holds), marks each due limit and appends its event in the same
 * transaction, so each reminder and each breach goes out once however many replicas run. Every
 * limit of a shared item is a duty: a reply or task still open after its end breaches.
 */
@ApplicationScoped
public class SharingDeadlineWorker {

    private static final Logger LOG = Logger.getLogger(SharingDeadlineWorker.class);
    private static final int BATCH = 100;

    private final SharingItemRepository items;
    private final SharingDeadlineRepository deadlines;
    private final AddresseeRepository addressees;
    private final SharedItems shared;
    private final Clock clock;
    private final Vertx vertx;

    public SharingDeadlineWorker(
            SharingItemRepository items,
            SharingDeadlineRepository deadlines,
            AddresseeRepository addressees,
            SharedItems shared,
            Clock clock,
            Vertx vertx) {
        this.items = items;
        this.deadlines = deadlines;
        this.addressees = addressees;
        this.shared = shared;
        this.clock = clock;
        this.vertx = vertx;
    }

    @Scheduled(
            every = "${xianjie.deadlines.poll-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("sharing deadline run failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One claim of due reminders and breaches; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> claimDue().subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<Integer> claimDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> items.lockWithDueDeadlines(at(now), BATCH)
                .chain(locked -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (SharingItemRecord item : locked) {
                        chain = chain.chain(count -> fireDue(item, now).map(fired -> count + fired));
                    }
                    return chain;
                }));
    }

    private Uni<Integer> fireDue(SharingItemRecord item, Instant now) {
        SharedItems.ActTime time = new SharedItems.ActTime(now, now);
        return deadlines
                .forItem(item.id)
                .chain(all -> addressees.forItem(item.id).chain(to -> {
                    List<String> codes = SharedItems.codes(to);
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (SharingDeadlineRecord d : all.stream()
                            .filter(d -> reminderDue(d, now))
                            .sorted(Comparator.comparing(d -> d.reminderAt))
                            .toList()) {
                        chain = chain.chain(n -> {
                            d.remindedAt = at(now);
                            return announce(
                                            item,
                                            codes,
                                            d,
                                            SharingEventTypes.DEADLINE_REMINDER,
                                            "DEADLINE_REMINDER",
                                            time)
                                    .replaceWith(n + 1);
                        });
                    }
                    for (SharingDeadlineRecord d : all.stream()
                            .filter(d -> breachDue(d, now))
                            .sorted(Comparator.comparing(d -> d.dueAt))
                            .toList()) {
                        chain = chain.chain(n -> {
                            d.breachedAt = at(now);
                            if (d.remindedAt == null) {
                                d.remindedAt = at(now);
                            }
                            return announce(
                                            item,
                                            codes,
                                            d,
                                            SharingEventTypes.DEADLINE_BREACHED,
                                            "DEADLINE_BREACHED",
                                            time)
                                    .replaceWith(n + 1);
                        });
                    }
                    return chain;
                }));
    }

    private Uni<?> announce(
            SharingItemRecord item,
            List<String> to,
            SharingDeadlineRecord d,
            String type,
            String act,
            SharedItems.ActTime time) {
        return shared.append(
                item,
                to,
                new SharedItems.Announcement(type, act, null, List.of(), d, d.taskId),
                null,
                null,
                null,
                time);
    }

    /** Reminded once, from its reminder time until the limit ends, while open. */
    static boolean reminderDue(SharingDeadlineRecord d, Instant now) {
        return d.isOpen()
                && d.remindedAt == null
                && d.breachedAt == null
                && !d.reminderAt.toInstant().isAfter(now)
                && !d.dueAt.toInstant().isBefore(now);
    }

    /** Still open after its end: breached once. */
    static boolean breachDue(SharingDeadlineRecord d, Instant now) {
        return d.isOpen() && d.breachedAt == null && d.dueAt.toInstant().isBefore(now);
    }

    private static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
