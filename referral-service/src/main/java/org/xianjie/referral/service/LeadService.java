package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
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
import org.xianjie.events.CaseCategory;
import org.xianjie.referral.domain.threshold.CaseFigures;
import org.xianjie.referral.domain.threshold.ThresholdEvaluator;
import org.xianjie.referral.domain.threshold.ThresholdMatch;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.persistence.LeadRecord;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.LeadRepository;
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

    public LeadService(ThresholdEvaluator evaluator, LeadRepository leads, ReferralRepository referrals,
                       KnownCaseRepository knownCases, AgencyDirectory directory, Outbox outbox, ObjectMapper mapper,
                       Clock clock) {
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
        LocalDate decided = c.penalty() != null && c.penalty().decisionDate() != null ? c.penalty().decisionDate()
                : LocalDate.ofInstant(clock.instant(), DeadlineClock.CHINA);
        return knownCases.penalisedWithinTwoYears(c.caseId(), c.category(),
                        CaseEventHandler.keyedOnly(c.partyIdentityHashes()), decided)
                .chain(repeat -> screen(c, decided,
                        evaluator.evaluateAll(figures(category.get(), c.amounts(), repeat), decided)));
    }

    private Uni<Void> screen(CaseSnapshot c, LocalDate decided, List<ThresholdMatch> matches) {
        if (matches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Optional<Agency> procuratorate = directory.sameLevel(AgencyType.PROCURATORATE, c.region());
        if (procuratorate.isEmpty()) {
            LOG.warnf("case %s reaches a threshold but region %s has no procuratorate in the directory", c.caseId(),
                    c.region());
            return Uni.createFrom().voidItem();
        }
        return referrals.count("caseId", c.caseId())
                .chain(referred -> referred > 0 ? Uni.createFrom().item(1L) : leads.countOpenForCase(c.caseId()))
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem()
                        : raise(c, decided, matches, procuratorate.get().code()));
    }

    private Uni<Void> raise(CaseSnapshot c, LocalDate decided, List<ThresholdMatch> matches, String procuratorate) {
        ThresholdMatch first = matches.get(0);
        LeadRecord lead = new LeadRecord();
        lead.id = UUID.randomUUID();
        lead.caseId = c.caseId();
        lead.caseNumber = c.caseNumber();
        lead.caseTitle = c.title();
        lead.category = c.category();
        lead.region = c.region();
        lead.agencyCode = c.agencyCode();
        lead.procuratorateCode = procuratorate;
        lead.state = LeadRecord.State.OPEN;
        lead.ruleSet = first.ruleSetId();
        lead.valuesFrom = first.valuesFrom();
        lead.offence = first.article() + " " + first.offence();
        lead.conditionId = first.conditionId();
        lead.conditionText = first.condition();
        lead.figure = first.figure().name();
        lead.figureValue = first.value();
        lead.threshold = first.threshold();
        lead.grounds = json(matches);
        lead.decisionDate = decided;
        lead.raisedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return leads.persist(lead).chain(() -> announce(lead, ReferralEventTypes.LEAD_RAISED)).replaceWithVoid();
    }

    public Uni<List<LeadRecord>> list(Caller caller, LeadRecord.State state) {
        requireProcuratorate(caller);
        return Panache.withSession(() -> leads.forProcuratorate(caller.agencyCode(),
                ReferralAccess.supervisedRegionPrefix(ReferralService.viewer(caller)), state));
    }

    public Uni<LeadRecord> find(Caller caller, UUID id) {
        requireProcuratorate(caller);
        return Panache.withSession(() -> load(caller, id));
    }

    /** Dismisses (reason required) or escalates to filing supervision (立案监督) an open lead. */
    public Uni<LeadRecord> decide(Caller caller, UUID id, LeadRecord.State outcome, String reason) {
        requireProcuratorate(caller);
        if (reason == null || reason.isBlank()) {
            throw ReferralService.unprocessable("reason", "a lead is " + outcome.name().toLowerCase() + " with reasons");
        }
        return Panache.withTransaction(() -> load(caller, id).chain(lead -> {
            if (lead.state != LeadRecord.State.OPEN) {
                throw ProblemException.stateConflict("lead is already " + lead.state, lead.state.name(), List.of());
            }
            lead.state = outcome;
            lead.reason = reason.strip();
            lead.decidedBy = caller.user();
            lead.decidedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            String type = outcome == LeadRecord.State.DISMISSED ? ReferralEventTypes.LEAD_DISMISSED
                    : ReferralEventTypes.LEAD_ESCALATED;
            return leads.flush().chain(() -> announce(lead, type)).replaceWith(lead);
        }));
    }

    private Uni<LeadRecord> load(Caller caller, UUID id) {
        return leads.findById(id).map(lead -> {
            if (lead == null || !ReferralAccess.canHandleLead(ReferralService.viewer(caller), lead.procuratorateCode,
                    lead.region)) {
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

    private Uni<?> announce(LeadRecord l, String type) {
        LeadSnapshot snapshot = new LeadSnapshot(l.id, l.caseId, l.caseNumber, l.caseTitle, l.category, l.region,
                l.agencyCode, l.procuratorateCode, l.state.name(), l.ruleSet, l.offence, l.conditionText, l.figure,
                l.figureValue, l.threshold, l.reason, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return outbox.append(Topics.REFERRAL_EVENTS, l.caseId.toString(),
                outbox.newEvent(EventSources.REFERRAL_SERVICE, type, "leads/" + l.id, snapshot));
    }

    private static Optional<CaseCategory> category(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(CaseCategory.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CaseFigures figures(CaseCategory category, CaseSnapshot.Amounts a, boolean repeatOffence) {
        return CaseFigures.builder(category)
                .penalisedForSameConductWithinTwoYears(repeatOffence)
                .illegalBusinessVolume(a.illegalBusinessVolume())
                .illegalGains(a.illegalGains())
                .sales(a.sales())
                .unsoldGoodsValue(a.unsoldGoodsValue())
                .copies(a.copies())
                .marks(a.marks())
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
