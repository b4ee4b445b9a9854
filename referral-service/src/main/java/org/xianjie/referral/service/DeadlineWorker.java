package org.xianjie.referral.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.xianjie.events.EventSources;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.events.Topics;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.DeadlineRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * Sends each reminder and each breach event exactly once, however many replicas run and however
 * often they restart. Like every writer of a referral it first locks the referral row (skipping
 * those another writer holds: they are still due at the next run), then reads its deadlines, marks
 * the due ones ({@code reminded_at} / {@code breached_at}) and appends their events to the outbox,
 * all in one transaction. Under the lock no step can change those deadlines meanwhile, so no mark
 * is lost and the events of a case reach the outbox in the order the case changed.
 *
 * <p>Only duties breach. A window (the agency's days to ask for reconsideration or supervision)
 * that ends unused lapses: it is reminded, shown as lapsed, and produces no breach event.
 */
@ApplicationScoped
public class DeadlineWorker {

    private static final Logger LOG = Logger.getLogger(DeadlineWorker.class);
    private static final int BATCH = 100;

    private final ReferralRepository referrals;
    private final DeadlineRepository deadlines;
    private final Snapshots snapshots;
    private final Outbox outbox;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry registry;

    public DeadlineWorker(
            ReferralRepository referrals,
            DeadlineRepository deadlines,
            Snapshots snapshots,
            Outbox outbox,
            Clock clock,
            Vertx vertx,
            MeterRegistry registry) {
        this.registry = registry;
        this.vertx = vertx;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(
            every = "${xianjie.deadlines.poll-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("deadline worker run failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One claim of due reminders and breaches; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        // The Hibernate Reactive session needs a safe Vert.x context; a caller's thread may have none.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> claimDue().subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<Integer> claimDue() {
        // PostgreSQL keeps microseconds: the marks read back as written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DeadlineRecord> breached = new ArrayList<>();
        return Panache.withTransaction(() -> referrals
                        .lockWithDueDeadlines(at(now), BATCH)
                        .chain(locked -> {
                            breached.clear();
                            Uni<Integer> chain = Uni.createFrom().item(0);
                            for (ReferralRecord r : locked) {
                                chain = chain.chain(
                                        count -> fireDue(r, now, breached).map(fired -> count + fired));
                            }
                            return chain;
                        }))
                .invoke(() -> breached.forEach(this::countBreach));
    }

    /** Counted once the breach event is committed: {@code xianjie_deadlines_breached_total{deadline}}. */
    private void countBreach(DeadlineRecord d) {
        Counter.builder("xianjie.deadlines.breached")
                .description("Statutory time limits that passed without their step (breach events committed)")
                .tag("deadline", d.code)
                .register(registry)
                .increment();
    }

    /** Reminders first, then breaches, each in due order: the order in which a reader expects them. */
    private Uni<Integer> fireDue(ReferralRecord r, Instant now, List<DeadlineRecord> breached) {
        return deadlines.forReferral(r.id).chain(all -> {
            List<DeadlineRecord> reminders = all.stream()
                    .filter(d -> reminderDue(d, now))
                    .sorted(Comparator.comparing(d -> d.reminderAt))
                    .toList();
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (DeadlineRecord d : reminders) {
                chain = chain.chain(count -> {
                    d.remindedAt = at(now);
                    return announce(r, all, d, ReferralEventTypes.DEADLINE_REMINDER, now)
                            .replaceWith(count + 1);
                });
            }
            return chain.chain(count -> {
                List<DeadlineRecord> breaches = all.stream()
                        .filter(d -> breachDue(d, now))
                        .sorted(Comparator.comparing(d -> d.dueAt))
                        .toList();
                Uni<Integer> more = Uni.createFrom().item(count);
                for (DeadlineRecord d : breaches) {
                    more = more.chain(n -> {
                        d.breachedAt = at(now);
                        if (d.remindedAt == null) {
                            d.remindedAt = at(now);
                        }
                        breached.add(d);
                        return announce(r, all, d, ReferralEventTypes.DEADLINE_BREACHED, now)
                                .replaceWith(n + 1);
                    });
                }
                return more;
            });
        });
    }

    private Uni<?> announce(ReferralRecord r, List<DeadlineRecord> all, DeadlineRecord d, String type, Instant now) {
        ReferralSnapshot snapshot = snapshots.of(r, all, null, null, null, d, now);
        return outbox.append(
                Topics.REFERRAL_EVENTS,
                r.caseId.toString(),
                outbox.newEvent(EventSources.REFERRAL_SERVICE, type, "referrals/" + r.id, snapshot, at(now)));
    }

    /** A reminder is due from its reminder time until the limit ends, once, while the deadline is open. */
    static boolean reminderDue(DeadlineRecord d, Instant now) {
        return d.isOpen()
                && d.remindedAt == null
                && d.breachedAt == null
                && !d.reminderAt.toInstant().isAfter(now)
                && !d.dueAt.toInstant().isBefore(now);
    }

    /** A duty still open after its end breaches, once. */
    static boolean breachDue(DeadlineRecord d, Instant now) {
        return d.isOpen()
                && d.kind == DeadlineKind.DUTY
                && d.breachedAt == null
                && d.dueAt.toInstant().isBefore(now);
    }

    private static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
