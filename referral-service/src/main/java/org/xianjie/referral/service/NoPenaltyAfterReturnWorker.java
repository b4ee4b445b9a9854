package org.xianjie.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.referral.domain.lead.NoPenaltyAfterReturn;
import org.xianjie.referral.domain.time.Deadline;
import org.xianjie.referral.domain.time.LimitUnit;
import org.xianjie.referral.domain.time.TimeLimit;
import org.xianjie.referral.domain.time.TimeLimitCodes;
import org.xianjie.referral.domain.time.TimeLimitTable;
import org.xianjie.referral.persistence.HistoryRepository;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.LeadRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * The reverse-direction check (不刑不罚): every {@code xianjie.leads.no-penalty-poll}, referrals
 * resting in a hand-back state whose case has no penalty decision on record are checked against
 * the limit {@code PENALTY_AFTER_RETURN} (default 2 months, counted from the hand-back act as
 * DOMAIN.md's Counting time says; {@code xianjie.leads.no-penalty.amount} and {@code .unit}
 * override it; {@code xianjie.leads.no-penalty.clock-limit}, an ISO-8601 duration, replaces it by
 * plain clock time for drills and tests). Past it, the procuratorate gets one lead per case (origin
 * NO_PENALTY_AFTER_RETURN). Candidates come oldest hand-back first, so a backlog is worked off in
 * the order the limits end.
 */
@ApplicationScoped
public class NoPenaltyAfterReturnWorker {

    private static final Logger LOG = Logger.getLogger(NoPenaltyAfterReturnWorker.class);
    private static final int BATCH = 100;

    private final ReferralRepository referrals;
    private final LeadRepository leadRecords;
    private final HistoryRepository history;
    private final KnownCaseRepository knownCases;
    private final LeadService leads;
    private final CalendarService calendar;
    private final TimeLimit limit;
    private final Optional<Duration> clockLimit;
    private final Clock clock;
    private final Vertx vertx;

    public NoPenaltyAfterReturnWorker(
            ReferralRepository referrals,
            LeadRepository leadRecords,
            HistoryRepository history,
            KnownCaseRepository knownCases,
            LeadService leads,
            CalendarService calendar,
            TimeLimitTable limits,
            Clock clock,
            Vertx vertx,
            @ConfigProperty(name = "xianjie.leads.no-penalty.amount") Optional<Integer> amount,
            @ConfigProperty(name = "xianjie.leads.no-penalty.unit") Optional<LimitUnit> unit,
            @ConfigProperty(name = "xianjie.leads.no-penalty.clock-limit") Optional<Duration> clockLimit) {
        this.clockLimit = clockLimit;
        this.referrals = referrals;
        this.leadRecords = leadRecords;
        this.history = history;
        this.knownCases = knownCases;
        this.leads = leads;
        this.calendar = calendar;
        this.clock = clock;
        this.vertx = vertx;
        TimeLimit shipped = limits.get(TimeLimitCodes.PENALTY_AFTER_RETURN);
        this.limit = amount.isEmpty() && unit.isEmpty()
                ? shipped
                : new TimeLimit(
                        shipped.code(),
                        amount.orElse(shipped.amount()),
                        unit.orElse(shipped.unit()),
                        shipped.source() + "（本地配置）");
    }

    @Scheduled(
            every = "${xianjie.leads.no-penalty-poll:60s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return DueWorkLoop.retriedNextRun(runOnce(), LOG, "reverse-direction check");
    }

    /** One pass; returns how many leads it raised. Callable from any thread. */
    public Uni<Integer> runOnce() {
        return DueWorkLoop.onSafeContext(vertx, this::pass);
    }

    private Uni<Integer> pass() {
        Instant now = clock.instant();
        return DueWorkLoop.claimAndFire(
                () -> leadRecords.handedBackWithoutReverseLead(NoPenaltyAfterReturn.RETURNED, BATCH),
                r -> DueWorkLoop.counted(check(r, now)));
    }

    private Uni<Boolean> check(ReferralRecord r, Instant now) {
        // Same lock as a case event: a penalty decision arriving now is seen, or sees the lead.
        return referrals
                .lockCase(r.caseId)
                .chain(() -> history.forReferral(r.id))
                .chain(steps -> {
                    Optional<NoPenaltyAfterReturn.Act> back = NoPenaltyAfterReturn.handedBack(steps.stream()
                            .map(h -> new NoPenaltyAfterReturn.Act(h.step, h.occurredAt.toInstant()))
                            .toList());
                    if (back.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Deadline due = clockLimit
                            .map(d -> new Deadline(back.get().occurredAt().plus(d), List.of()))
                            .orElseGet(() -> calendar.clock().dueFor(back.get().occurredAt(), limit));
                    return knownCases.findById(r.caseId).chain(known -> {
                        boolean penalised = known != null && known.decisionDate != null;
                        if (!NoPenaltyAfterReturn.leadDue(due.dueAt(), penalised, now)) {
                            return Uni.createFrom().item(false);
                        }
                        return leads.raiseNoPenaltyAfterReturn(
                                r, back.get().step().name(), back.get().occurredAt(), due, limit.source());
                    });
                });
    }
}
