package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CloudEvent;
import org.xianjie.platform.inbox.InvalidEventException;
import org.xianjie.referral.persistence.ActEntryRecord;
import org.xianjie.referral.persistence.KnownCase;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * Keeps {@code known_case} up to date from case events (runs inside the inbox transaction) and
 * hands penalty decisions to the lead screening.
 */
@ApplicationScoped
public class CaseEventHandler {

    private static final Logger LOG = Logger.getLogger(CaseEventHandler.class);

    private final KnownCaseRepository knownCases;
    private final ReferralRepository referrals;
    private final LeadService leads;
    private final ObjectMapper mapper;
    private final ActEntries acts;
    private final CaseFacts facts;

    public CaseEventHandler(
            KnownCaseRepository knownCases,
            ReferralRepository referrals,
            LeadService leads,
            ObjectMapper mapper,
            ActEntries acts,
            CaseFacts facts) {
        this.acts = acts;
        this.facts = facts;
        this.knownCases = knownCases;
        this.referrals = referrals;
        this.leads = leads;
        this.mapper = mapper;
    }

    public Uni<Void> handle(CloudEvent event) {
        if (event.type() == null || !CaseEventTypes.ALL.contains(event.type())) {
            return Uni.createFrom().voidItem(); // a newer or foreign type: ignored, as the contract allows
        }
        CaseSnapshot snapshot = snapshot(event);
        // Same lock as opening a referral: a lead is raised only for a case with no referral.
        return referrals
                .lockCase(snapshot.caseId())
                .chain(() -> knownCases.findById(snapshot.caseId()))
                .chain(known -> remember(known, snapshot))
                .invoke(known -> rememberOpening(known, event, snapshot))
                .call(known -> recordAct(event, snapshot))
                .call(known -> facts.remember(event.type(), snapshot))
                .chain(known -> flagForeignReferrals(known))
                .chain(known -> CaseEventTypes.PENALTY_DECIDED.equals(event.type())
                        ? leads.screen(snapshot)
                        : Uni.createFrom().voidItem());
    }

    private Uni<KnownCase> remember(KnownCase existing, CaseSnapshot s) {
        if (existing != null && existing.version > s.version()) {
            return Uni.createFrom().item(existing); // an older snapshot arriving late changes nothing
        }
        KnownCase k = existing == null ? new KnownCase() : existing;
        k.caseId = s.caseId();
        k.agencyCode = s.agencyCode();
        k.caseNumber = s.caseNumber();
        k.title = s.title();
        k.category = s.category();
        k.region = s.region();
        k.state = s.state();
        k.amounts = s.amounts() == null ? k.amounts : json(s.amounts());
        k.decisionDate = s.penalty() == null ? k.decisionDate : s.penalty().decisionDate();
        k.version = s.version();
        k.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<KnownCase> saved =
                existing == null ? knownCases.persist(k) : Uni.createFrom().item(k);
        return saved.call(known -> knownCases.rememberParties(known.caseId, keyedOnly(s.partyIdentityHashes())));
    }

    /**
     * The opening's time is kept even when the opened event arrives after a newer snapshot: it is a
     * fact of its own, not part of the case's latest state.
     */
    private static void rememberOpening(KnownCase known, CloudEvent event, CaseSnapshot s) {
        if (CaseEventTypes.OPENED.equals(event.type()) && s.occurredAt() != null && known.openedAt == null) {
            known.openedAt = s.occurredAt();
        }
    }

    /**
     * Only keyed hashes ({@code keyId:hex}) are kept: an unkeyed hash from an older publisher would
     * be an invertible copy of an identity number, and would never match a keyed one anyway.
     */
    static java.util.List<String> keyedOnly(java.util.List<String> hashes) {
        return hashes == null
                ? java.util.List.of()
                : hashes.stream().filter(h -> h != null && h.indexOf(':') > 0).toList();
    }

    /**
     * The agency's own acts on its case (not the status changes case-service derives from referral
     * steps) go into the data-quality figures, with the times case-service recorded.
     */
    private Uni<Void> recordAct(CloudEvent event, CaseSnapshot s) {
        if (CaseEventTypes.REFERRAL_STATUS_CHANGED.equals(event.type())
                || s.occurredAt() == null
                || s.recordedAt() == null
                || s.region() == null) {
            return Uni.createFrom().voidItem(); // events from before acts carried their times are not measured
        }
        String act = event.type().substring("org.xianjie.case.".length()).replace(".v1", "");
        boolean penalty = CaseEventTypes.PENALTY_DECIDED.equals(event.type());
        return acts.record(new ActEntries.Act(
                        ActEntryRecord.CASE,
                        act,
                        s.agencyCode(),
                        "ADMINISTRATIVE",
                        s.region(),
                        s.caseId(),
                        null,
                        s.caseNumber(),
                        s.occurredAt().toInstant(),
                        s.recordedAt().toInstant(),
                        penalty && s.penalty() != null ? s.penalty().decisionDate() : null,
                        event.id()))
                .invoke(acts::count)
                .replaceWithVoid();
    }

    /** A referral opened before the case was known must belong to the agency that owns the case. */
    private Uni<KnownCase> flagForeignReferrals(KnownCase known) {
        String conflict = "case-service records case " + known.caseId + " under " + known.agencyCode;
        return referrals
                .update(
                        "caseConflict = ?1 where caseId = ?2 and agencyCode <> ?3 and caseConflict is null",
                        conflict,
                        known.caseId,
                        known.agencyCode)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.errorf(
                                "referral(s) of case %s name another agency than its owner %s",
                                known.caseId, known.agencyCode);
                    }
                })
                .replaceWith(known);
    }

    private CaseSnapshot snapshot(CloudEvent event) {
        try {
            CaseSnapshot s = mapper.treeToValue(event.data(), CaseSnapshot.class);
            if (s == null || s.caseId() == null || s.agencyCode() == null) {
                throw new InvalidEventException("case event " + event.id() + " lacks caseId or agencyCode");
            }
            return s;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("case event " + event.id() + " has unreadable data: " + e.getMessage(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
