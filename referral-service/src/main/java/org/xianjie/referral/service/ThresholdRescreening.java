package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.events.CaseCategory;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.referral.domain.threshold.ThresholdEvaluator;
import org.xianjie.referral.domain.threshold.ThresholdRuleSet;
import org.xianjie.referral.domain.threshold.ThresholdRules;
import org.xianjie.referral.persistence.KnownCase;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.persistence.ThresholdScreeningRepository;

/**
 * Screens past penalty decisions again when a threshold rule set is added or changed (a new judicial
 * interpretation, a corrected figure). Rule sets are data shipped with a release
 * ({@code rules/thresholds.json}, reviewed like code because they restate the law); after every
 * start, and then every {@code xianjie.leads.rescreen-check}, each set's fingerprint is compared
 * with the one past decisions were last screened against, and a set that differs is applied to the
 * decisions inside its period (its effective date onward: later sets keep its values for the
 * offences they do not list). New leads carry origin RULE_SET_RESCREENING and the rule set in force.
 * Re-screening is idempotent (LeadService.rescreen, a unique index), decision by decision.
 */
@ApplicationScoped
public class ThresholdRescreening {

    private static final Logger LOG = Logger.getLogger(ThresholdRescreening.class);

    /** What one rule set's re-screening did. */
    public record Outcome(String ruleSetId, int casesScreened, int leadsRaised) {}

    private final ThresholdRules shipped;
    private final KnownCaseRepository knownCases;
    private final ReferralRepository referrals;
    private final ThresholdScreeningRepository screenings;
    private final LeadService leads;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Vertx vertx;

    public ThresholdRescreening(
            ThresholdRules shipped,
            KnownCaseRepository knownCases,
            ReferralRepository referrals,
            ThresholdScreeningRepository screenings,
            LeadService leads,
            ObjectMapper mapper,
            Clock clock,
            Vertx vertx) {
        this.shipped = shipped;
        this.knownCases = knownCases;
        this.referrals = referrals;
        this.screenings = screenings;
        this.leads = leads;
        this.mapper = mapper;
        this.clock = clock;
        this.vertx = vertx;
    }

    @Scheduled(
            every = "${xianjie.leads.rescreen-check:10m}",
            delayed = "${xianjie.leads.rescreen-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return rescreenChanged(shipped)
                .invoke(done -> done.forEach(o -> LOG.infof(
                        "threshold rule set %s re-screened: %d decision(s), %d new lead(s)",
                        o.ruleSetId(), o.casesScreened(), o.leadsRaised())))
                .onFailure()
                .invoke(e -> LOG.warnf("threshold re-screening failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Re-screens past decisions under every set of {@code rules} whose fingerprint differs from the
     * one last recorded; callable from any thread.
     */
    public Uni<List<Outcome>> rescreenChanged(ThresholdRules rules) {
        return onContext(() -> {
            Uni<List<Outcome>> chain = Uni.createFrom().item(new ArrayList<>());
            for (ThresholdRuleSet set : rules.ruleSets()) {
                chain = chain.chain(done -> Panache.withSession(() -> screenings.fingerprint(set.id()))
                        .chain(last -> last.equals(Optional.of(rules.fingerprint(set)))
                                ? Uni.createFrom().<Optional<Outcome>>item(Optional.empty())
                                : rescreen(rules, set).map(Optional::of))
                        .map(outcome -> {
                            outcome.ifPresent(done::add);
                            return done;
                        }));
            }
            return chain.map(List::copyOf);
        });
    }

    /**
     * Screens decisions inside {@code set}'s period again whatever was recorded (an operator's
     * "screen again", and how a test proves a second run raises nothing twice); any thread.
     */
    public Uni<Outcome> rescreenNow(ThresholdRules rules, ThresholdRuleSet set) {
        return onContext(() -> rescreen(rules, set));
    }

    /**
     * One short transaction per decision, under that case's lock: a province's backlog must not hold
     * thousands of locks in one transaction, and replicas running at once stay harmless (the case
     * lock and LeadService.rescreen's checks make each decision's outcome the same whoever runs it).
     */
    private Uni<Outcome> rescreen(ThresholdRules rules, ThresholdRuleSet set) {
        ThresholdEvaluator evaluator = new ThresholdEvaluator(rules);
        return Panache.withSession(() -> knownCases.decidedWithAmountsSince(set.effectiveFrom()))
                .map(cases -> cases.stream().map(k -> k.caseId).toList())
                .chain(ids -> {
                    Uni<Integer> raised = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        raised = raised.chain(n -> Panache.withTransaction(() -> referrals
                                        .lockCase(id)
                                        .chain(() -> knownCases.findById(id))
                                        .chain(k -> k == null
                                                ? Uni.createFrom().item(false)
                                                : screen(evaluator, set.id(), k)))
                                .map(lead -> lead ? n + 1 : n));
                    }
                    return raised.call(n -> Panache.withTransaction(() -> screenings.record(
                                    set.id(),
                                    rules.fingerprint(set),
                                    ids.size(),
                                    n,
                                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                            .map(n -> new Outcome(set.id(), ids.size(), n));
                });
    }

    private Uni<Boolean> screen(ThresholdEvaluator evaluator, String ruleSetId, KnownCase k) {
        Optional<CaseCategory> category = LeadService.category(k.category);
        if (category.isEmpty() || k.region == null || k.decisionDate == null || k.amounts == null) {
            return Uni.createFrom().item(false);
        }
        CaseSnapshot.Amounts amounts = amounts(k);
        LeadService.DecidedCase decided = new LeadService.DecidedCase(
                k.caseId, k.caseNumber, k.title, k.category, k.region, k.agencyCode, k.decisionDate);
        return knownCases
                .partiesOf(k.caseId)
                .chain(parties -> knownCases.penalisedWithinTwoYears(k.caseId, k.category, parties, k.decisionDate))
                .chain(repeat -> leads.rescreen(
                        decided,
                        ruleSetId,
                        evaluator.evaluateAll(LeadService.figures(category.get(), amounts, repeat), k.decisionDate)));
    }

    private CaseSnapshot.Amounts amounts(KnownCase k) {
        try {
            return mapper.readValue(k.amounts, CaseSnapshot.Amounts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("known case " + k.caseId + " has unreadable amounts", e);
        }
    }

    /** The Hibernate Reactive session needs a safe Vert.x context; a caller's thread may have none. */
    private <T> Uni<T> onContext(java.util.function.Supplier<Uni<T>> work) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(emitter ->
                        context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
