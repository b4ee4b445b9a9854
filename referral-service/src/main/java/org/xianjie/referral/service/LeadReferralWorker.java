package org.xianjie.referral.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
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
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.referral.domain.lead.ReferralRequestRule;
import org.xianjie.referral.persistence.LeadRecord;
import org.xianjie.referral.persistence.LeadRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * Follows the referral requests that escalated leads opened (监督移送): when the agency has opened
 * a referral of the case the request is met ({@code lead-referred}); when its time limit passes
 * first, it is overdue, announced once ({@code lead-referral-overdue}) and still met by a later
 * referral. Replicas take turns on an advisory lock.
 */
@ApplicationScoped
public class LeadReferralWorker {

    private static final Logger LOG = Logger.getLogger(LeadReferralWorker.class);
    private static final int BATCH = 100;

    private final LeadRepository leads;
    private final ReferralRepository referrals;
    private final LeadService leadService;
    private final Clock clock;
    private final Vertx vertx;

    public LeadReferralWorker(
            LeadRepository leads, ReferralRepository referrals, LeadService leadService, Clock clock, Vertx vertx) {
        this.leads = leads;
        this.referrals = referrals;
        this.leadService = leadService;
        this.clock = clock;
        this.vertx = vertx;
    }

    @Scheduled(
            every = "${xianjie.leads.referral-poll:2s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return DueWorkLoop.retriedNextRun(runOnce(), LOG, "lead referral follow-up");
    }

    /** One pass over awaited requests; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        return DueWorkLoop.onSafeContext(vertx, this::pass);
    }

    /** Replicas take turns on the advisory lock; each request is then followed under it. */
    private Uni<Integer> pass() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return DueWorkLoop.claimAndFire(
                () -> leads.lockReferralFollowUp().chain(() -> leads.awaitingReferral(BATCH)),
                lead -> DueWorkLoop.counted(follow(lead, now)));
    }

    private Uni<Boolean> follow(LeadRecord lead, Instant now) {
        return referrals.findByCase(lead.caseId).chain(found -> {
            List<ReferralRecord> after = found.stream()
                    .sorted(Comparator.comparing((ReferralRecord r) -> r.createdAt))
                    .toList();
            ReferralRequestRule.Status status = ReferralRequestRule.status(
                    lead.referralDueAt.toInstant(), lead.referralOverdueAt != null, !after.isEmpty(), now);
            switch (status) {
                case MET -> {
                    lead.referralId = after.get(0).id;
                    lead.referredAt = after.get(0).createdAt;
                    return leadService
                            .announce(lead, ReferralEventTypes.LEAD_REFERRED)
                            .replaceWith(true);
                }
                case NEWLY_OVERDUE -> {
                    lead.referralOverdueAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                    return leadService
                            .announce(lead, ReferralEventTypes.LEAD_REFERRAL_OVERDUE)
                            .replaceWith(true);
                }
                default -> {
                    return Uni.createFrom().item(false);
                }
            }
        });
    }
}
