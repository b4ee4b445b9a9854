package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.events.CaseCategory;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.EventSources;
import org.xianjie.events.LeadSnapshot;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.threshold.CaseFigures;
import org.xianjie.referral.domain.threshold.ThresholdEvaluator;
import org.xianjie.referral.domain.threshold.ThresholdMatch;
import org.xianjie.referral.domain.time.Deadline;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.domain.time.TimeLimitCodes;
import org.xianjie.referral.domain.time.TimeLimitTable;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.LeadRecord;
import org.xianjie.referral.persistence.LeadRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * Supervision leads (监督线索, 以罚代刑 detection): a penalty decision whose amounts reach the
 * criminal filing threshold of its category, in the rule set in force on the decision date, with
 * no referral for the case, raises a lead for the procuratorate of the case's region. The rule
 * set, the condition and the figures that fired are kept on the lead. The procuratorates above
 * that region see and decide the lead too (检察一体化, ReferralAccess.canHandleLead).
 */
@ApplicationScoped
public class LeadService {

    private static final Logger LOG = Logger.getLogger(LeadService.class);

    private final ThresholdEvaluator evaluator;
    private final LeadRepository leads;
    private final KnownCaseRepository knownCases;
    private final ReferralRepository referrals;
    private final AgencyDirectory directory;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CalendarService calendar;
    private final TimeLimitTable limits;

    public LeadService(
            ThresholdEvaluator evaluator,
            LeadRepository leads,
            ReferralRepository referrals,
            KnownCaseRepository knownCases,
            AgencyDirectory directory,
            Outbox outbox,
            ObjectMapper mapper,
            Clock clock,
            CalendarService calendar,
            TimeLimitTable limits) {
        this.calendar = calendar;
        this.limits = limits;
        this.evaluator = evaluator;
        this.knownCases = knownCases;
        this.leads = leads;
        this.referrals = referrals;
        this.directory = directory;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Screens a decided case; runs inside the consumer's transaction. */
    public Uni<Void> screen(CaseSnapshot c) {
        Optional<CaseCategory> category = category(c.category());
        if (category.isEmpty() || c.amounts() == null || c.region() == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate decided = c.penalty() != null && c.penalty().decisionDate() != null
                ? c.penalty().decisionDate()
                : LocalDate.ofInstant(clock.instant(), DeadlineClock.CHINA);
        DecidedCase decidedCase = new DecidedCase(
                c.caseId(), c.caseNumber(), c.title(), c.category(), c.region(), c.agencyCode(), decided);
        return knownCases
                .penalisedWithinTwoYears(
                        c.caseId(), c.category(), CaseEventHandler.keyedOnly(c.partyIdentityHashes()), decided)
                .chain(repeat -> screen(
                        decidedCase, evaluator.evaluateAll(figures(category.get(), c.amounts(), repeat), decided)));
    }

    private Uni<Void> screen(DecidedCase c, List<ThresholdMatch> matches) {
        if (matches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Optional<String> procuratorate = procuratorateOf(c);
        if (procuratorate.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return referrals
                .count("caseId", c.caseId())
                .chain(referred -> referred > 0 ? Uni.createFrom().item(1L) : leads.countOpenForCase(c.caseId()))
                .chain(existing -> existing > 0
                        ? Uni.createFrom().voidItem()
                        : raise(thresholdLead(c, matches, procuratorate.get(), LeadRecord.Origin.THRESHOLD_SCREENING))
                                .replaceWithVoid());
    }

    /**
     * Screens one past decision again after rule set {@code changedRuleSet} was added or changed;
     * runs inside the caller's transaction. Only thresholds whose figures come from that set count
     * (it may be the set in force on the decision date, or an earlier set whose values still apply).
     * Raises a lead only if no referral exists, no lead is open for the case and no lead was ever
     * raised for it under the rule set in force on its decision date (a dismissed one stays
     * dismissed), so re-screening again raises nothing twice.
     *
     * @return whether a lead was raised
     */
    Uni<Boolean> rescreen(DecidedCase c, String changedRuleSet, List<ThresholdMatch> matches) {
        List<ThresholdMatch> fromSet = matches.stream()
                .filter(m -> changedRuleSet.equals(m.ruleSetId()) || changedRuleSet.equals(m.valuesFrom()))
                .toList();
        Optional<String> procuratorate = fromSet.isEmpty() ? Optional.empty() : procuratorateOf(c);
        if (procuratorate.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        String inForce = fromSet.get(0).ruleSetId();
        return referrals
                .count("caseId", c.caseId())
                .chain(referred -> referred > 0
                        ? Uni.createFrom().item(1L)
                        : leads.count(
                                "caseId = ?1 and (state = ?2 or ruleSet = ?3)",
                                c.caseId(),
                                LeadRecord.State.OPEN,
                                inForce))
                .chain(existing -> existing > 0
                        ? Uni.createFrom().item(false)
                        : raise(thresholdLead(c, fromSet, procuratorate.get(), LeadRecord.Origin.RULE_SET_RESCREENING))
                                .replaceWith(true));
    }

    /**
     * The lead a procuratorate's review with outcome LEAD_RAISED stands for (审查发现线索): the open
     * lead of the case if there is one (the review then names it), else a new lead for the reviewing
     * procuratorate with the review's note as its grounds. Runs inside the review's transaction.
     */
    public Uni<LeadRecord> raiseFromReview(DecidedCase c, UUID reviewId, String procuratorate, String note) {
        return leads.find("caseId = ?1 and state = ?2", c.caseId(), LeadRecord.State.OPEN)
                .firstResult()
                .chain(open -> {
                    if (open != null) {
                        if (open.reviewId == null) {
                            open.reviewId = reviewId;
                        }
                        return Uni.createFrom().item(open);
                    }
                    LeadRecord lead = newLead(c, procuratorate, LeadRecord.Origin.PENALTY_REVIEW);
                    lead.reviewId = reviewId;
                    lead.grounds = json(java.util.Map.of("review", reviewId, "note", note));
                    return raise(lead);
                });
    }

    private Optional<String> procuratorateOf(DecidedCase c) {
        Optional<Agency> procuratorate = directory.sameLevel(AgencyType.PROCURATORATE, c.region());
        if (procuratorate.isEmpty()) {
            LOG.warnf(
                    "case %s reaches a threshold but region %s has no procuratorate in the directory",
                    c.caseId(), c.region());
        }
        return procuratorate.map(Agency::code);
    }

    private LeadRecord thresholdLead(
            DecidedCase c, List<ThresholdMatch> matches, String procuratorate, LeadRecord.Origin origin) {
        ThresholdMatch first = matches.get(0);
        LeadRecord lead = newLead(c, procuratorate, origin);
        lead.ruleSet = first.ruleSetId();
        lead.valuesFrom = first.valuesFrom();
        lead.offence = first.article() + " " + first.offence();
        lead.conditionId = first.conditionId();
        lead.conditionText = first.condition();
        lead.figure = first.figure().name();
        lead.figureValue = first.value();
        lead.threshold = first.threshold();
        lead.grounds = json(matches);
        return lead;
    }

    private LeadRecord newLead(DecidedCase c, String procuratorate, LeadRecord.Origin origin) {
        LeadRecord lead = new LeadRecord();
        lead.id = UUID.randomUUID();
        lead.origin = origin;
        lead.caseId = c.caseId();
        lead.caseNumber = c.caseNumber();
        lead.caseTitle = c.title();
        lead.category = c.category();
        lead.region = c.region();
        lead.agencyCode = c.agencyCode();
        lead.procuratorateCode = procuratorate;
        lead.state = LeadRecord.State.OPEN;
        lead.decisionDate = c.decisionDate();
        lead.raisedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return lead;
    }

    private Uni<LeadRecord> raise(LeadRecord lead) {
        return leads.persist(lead)
                .chain(() -> announce(lead, ReferralEventTypes.LEAD_RAISED))
                .replaceWith(lead);
    }

    /** A decided case as the lead screening needs it, from a case event or from known_case. */
    public record DecidedCase(
            UUID caseId,
            String caseNumber,
            String title,
            String category,
            String region,
            String agencyCode,
            LocalDate decisionDate) {}

    public Uni<List<LeadRecord>> list(Caller caller, LeadRecord.State state) {
        requireProcuratorate(caller);
        return Panache.withSession(() -> leads.forProcuratorate(
                caller.agencyCode(), ReferralAccess.supervisedRegionPrefix(ReferralService.viewer(caller)), state));
    }

    public Uni<LeadRecord> find(Caller caller, UUID id) {
        requireProcuratorate(caller);
        return Panache.withSession(() -> load(caller, id));
    }

    /** Dismisses (reason required) or escalates to filing supervision (立案监督) an open lead. */
    public Uni<LeadRecord> decide(Caller caller, UUID id, LeadRecord.State outcome, String reason) {
        requireProcuratorate(caller);
        if (reason == null || reason.isBlank()) {
            throw ReferralService.unprocessable(
                    "reason", "a lead is " + outcome.name().toLowerCase() + " with reasons");
        }
        return Panache.withTransaction(() -> load(caller, id).chain(lead -> {
            if (lead.state != LeadRecord.State.OPEN) {
                throw ProblemException.stateConflict("lead is already " + lead.state, lead.state.name(), List.of());
            }
            lead.state = outcome;
            lead.reason = reason.strip();
            lead.decidedBy = caller.user();
            lead.decidedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (outcome == LeadRecord.State.ESCALATED) {
                requestReferral(lead, clock.instant());
            }
            String type = outcome == LeadRecord.State.DISMISSED
                    ? ReferralEventTypes.LEAD_DISMISSED
                    : ReferralEventTypes.LEAD_ESCALATED;
            return leads.flush().chain(() -> announce(lead, type)).replaceWith(lead);
        }));
    }

    /**
     * Escalation opens supervision of the missed referral (监督移送, Decree 310 art. 14): the
     * procuratorate asks the agency to refer, which it must do within {@code REFERRAL_ON_REQUEST}
     * counted from the request. LeadReferralWorker follows it: met by the agency's referral, or
     * overdue.
     */
    private void requestReferral(LeadRecord lead, Instant now) {
        Deadline due = calendar.clock().dueFor(now, limits.get(TimeLimitCodes.REFERRAL_ON_REQUEST));
        lead.referralRequestedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        lead.referralDueAt = OffsetDateTime.ofInstant(due.dueAt(), ZoneOffset.UTC);
        lead.referralDueWarnings = due.hasWarnings() ? String.join("\n", due.warnings()) : null;
    }

    /**
     * 不刑不罚: raises the reverse-direction lead of a case handed back for administrative handling
     * and not penalised within the limit, unless the case has one already; runs inside the
     * worker's transaction under the case lock.
     *
     * @return whether a lead was raised
     */
    Uni<Boolean> raiseNoPenaltyAfterReturn(
            ReferralRecord r, String handBackStep, Instant handedBackAt, Deadline due, String limitSource) {
        Optional<String> procuratorate = r.procuratorateCode != null
                ? Optional.of(r.procuratorateCode)
                : r.region == null
                        ? Optional.empty()
                        : directory
                                .sameLevel(AgencyType.PROCURATORATE, r.region)
                                .map(Agency::code);
        if (procuratorate.isEmpty() || r.region == null) {
            LOG.warnf("case %s was not penalised after its return but no procuratorate is known for it", r.caseId);
            return Uni.createFrom().item(false);
        }
        return leads.count("caseId = ?1 and origin = ?2", r.caseId, LeadRecord.Origin.NO_PENALTY_AFTER_RETURN)
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(false);
                    }
                    LeadRecord lead = newLead(
                            new DecidedCase(
                                    r.caseId, r.caseNumber, r.caseTitle, r.category, r.region, r.agencyCode, null),
                            procuratorate.get(),
                            LeadRecord.Origin.NO_PENALTY_AFTER_RETURN);
                    lead.grounds = json(new java.util.LinkedHashMap<>(java.util.Map.of(
                            "referralId",
                            r.id,
                            "handedBackBy",
                            handBackStep,
                            "handedBackAt",
                            handedBackAt.toString(),
                            "penaltyDueBy",
                            due.dueAt().toString(),
                            "limit",
                            limitSource)));
                    return raise(lead).replaceWith(true);
                });
    }

    private Uni<LeadRecord> load(Caller caller, UUID id) {
        return leads.findById(id).map(lead -> {
            if (lead == null
                    || !ReferralAccess.canHandleLead(
                            ReferralService.viewer(caller), lead.procuratorateCode, lead.region)) {
                throw ProblemException.notFound("lead", id);
            }
            return lead;
        });
    }

    private static void requireProcuratorate(Caller caller) {
        if (!caller.is(AgencyType.PROCURATORATE)) {
            throw ProblemException.forbidden("supervision leads are for the procuratorate");
        }
    }

    /** Announces the lead as it stands; inside the caller's transaction. */
    Uni<?> announce(LeadRecord l, String type) {
        LeadSnapshot snapshot = new LeadSnapshot(
                l.id,
                l.caseId,
                l.caseNumber,
                l.caseTitle,
                l.category,
                l.region,
                l.agencyCode,
                l.procuratorateCode,
                l.state.name(),
                l.ruleSet,
                l.offence,
                l.conditionText,
                l.figure,
                l.figureValue,
                l.threshold,
                l.reason,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                l.origin.name(),
                l.reviewId,
                l.referralDueAt,
                l.referralId);
        return outbox.append(
                Topics.REFERRAL_EVENTS,
                l.caseId.toString(),
                outbox.newEvent(EventSources.REFERRAL_SERVICE, type, "leads/" + l.id, snapshot));
    }

    static Optional<CaseCategory> category(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(CaseCategory.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static CaseFigures figures(CaseCategory category, CaseSnapshot.Amounts a, boolean repeatOffence) {
        return CaseFigures.builder(category)
                .penalisedForSameConductWithinTwoYears(repeatOffence)
                .illegalBusinessVolume(a.illegalBusinessVolume())
                .illegalGains(a.illegalGains())
                .sales(a.sales())
                .unsoldGoodsValue(a.unsoldGoodsValue())
                .copies(a.copies())
                .marks(a.marks())
                .lossOrGains(a.lossOrGains())
                .serviceMark(Boolean.TRUE.equals(a.serviceMark()))
                .onlineWorks(a.onlineWorks())
                .downloads(a.downloads())
                .clicks(a.clicks())
                .registeredMembers(a.registeredMembers())
                .build();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
