package org.xianjie.referral.service.sharing;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.referral.persistence.sharing.AddresseeRepository;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRecord;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRepository;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRepository;
import org.xianjie.referral.service.DueDeadlines;
import org.xianjie.referral.service.DueWorkLoop;

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
        return DueWorkLoop.retriedNextRun(runOnce(), LOG, "sharing deadline run");
    }

    /** One claim of due reminders and breaches; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        return DueWorkLoop.onSafeContext(vertx, this::claimDue);
    }

    private Uni<Integer> claimDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return DueWorkLoop.claimAndFire(
                () -> items.lockWithDueDeadlines(DueDeadlines.at(now), BATCH), item -> fireDue(item, now));
    }

    /** Every limit of a shared item is a duty: it breaches. */
    private Uni<Integer> fireDue(SharingItemRecord item, Instant now) {
        SharedItems.ActTime time = new SharedItems.ActTime(now, now);
        return deadlines
                .forItem(item.id)
                .chain(all -> addressees.forItem(item.id).chain(to -> {
                    List<String> codes = SharedItems.codes(to);
                    return DueDeadlines.fire(
                            all,
                            now,
                            DueDeadlines::breachDue,
                            (d, breach) -> breach
                                    ? announce(
                                            item,
                                            codes,
                                            d,
                                            SharingEventTypes.DEADLINE_BREACHED,
                                            "DEADLINE_BREACHED",
                                            time)
                                    : announce(
                                            item,
                                            codes,
                                            d,
                                            SharingEventTypes.DEADLINE_REMINDER,
                                            "DEADLINE_REMINDER",
                                            time));
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
}
