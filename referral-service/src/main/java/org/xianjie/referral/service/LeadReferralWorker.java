package org.xianjie.referral.service;

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
        return runOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("lead referral follow-up failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass over awaited requests; returns how many events it wrote. Callable from any thread. */
    public Uni<Integer> runOnce() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> pass().subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<Integer> pass() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> leads.lockReferralFollowUp()
                .chain(() -> leads.awaitingReferral(BATCH))
                .chain(awaited -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (LeadRecord lead : awaited) {
                        chain = chain.chain(n -> follow(lead, now).map(wrote -> wrote ? n + 1 : n));
                    }
                    return chain;
                }));
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
