package org.xianjie.referral.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        return DueWorkLoop.retriedNextRun(runOnce(), LOG, "deadline worker run");
    }

    /** One claim of due reminders and breaches; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        return DueWorkLoop.onSafeContext(vertx, this::claimDue);
    }

    private Uni<Integer> claimDue() {
        // PostgreSQL keeps microseconds: the marks read back as written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DeadlineRecord> breached = new ArrayList<>();
        return DueWorkLoop.claimAndFire(
                        () -> {
                            breached.clear();
                            return referrals.lockWithDueDeadlines(DueDeadlines.at(now), BATCH);
                        },
                        r -> fireDue(r, now, breached))
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

    private Uni<Integer> fireDue(ReferralRecord r, Instant now, List<DeadlineRecord> breached) {
        return deadlines
                .forReferral(r.id)
                .chain(all -> DueDeadlines.fire(all, now, DeadlineWorker::breachDue, (d, breach) -> {
                    if (breach) {
                        breached.add(d);
                    }
                    return announce(
                            r,
                            all,
                            d,
                            breach ? ReferralEventTypes.DEADLINE_BREACHED : ReferralEventTypes.DEADLINE_REMINDER,
                            now);
                }));
    }

    private Uni<?> announce(ReferralRecord r, List<DeadlineRecord> all, DeadlineRecord d, String type, Instant now) {
        ReferralSnapshot snapshot = snapshots.of(r, all, null, null, null, d, now);
        return outbox.append(
                Topics.REFERRAL_EVENTS,
                r.caseId.toString(),
                outbox.newEvent(
                        EventSources.REFERRAL_SERVICE, type, "referrals/" + r.id, snapshot, DueDeadlines.at(now)));
    }

    /** Only a duty breaches; a window still open after its end lapses unannounced. */
    static boolean breachDue(DeadlineRecord d, Instant now) {
        return d.kind == DeadlineKind.DUTY && DueDeadlines.breachDue(d, now);
    }
}
