package org.xianjie.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.xianjie.events.EventSources;
import org.xianjie.events.PenaltyReviewSnapshot;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.Regions;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.review.PenaltyDecision;
import org.xianjie.referral.domain.review.PenaltyReview;
import org.xianjie.referral.domain.review.PenaltyReviewRule;
import org.xianjie.referral.domain.review.ReviewOutcome;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.persistence.KnownCase;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.PenaltyReviewRecord;
import org.xianjie.referral.persistence.PenaltyReviewRepository;

/**
 * 行政处罚决定审查: a procuratorate records that it reviewed a penalty decision of its region or of
 * a region beneath it, and what it found; the review and its event commit together (outbox). The
 * penalty decisions are those case-service announced (known_case with a decision date), so the
 * review needs no call to case-service and counts from the same record as the leads. A review with
 * outcome LEAD_RAISED raises the lead (or names the case's open one), linked both ways.
 */
@ApplicationScoped
public class PenaltyReviewService {

    private final KnownCaseRepository knownCases;
    private final PenaltyReviewRepository reviews;
    private final Outbox outbox;
    private final Clock clock;
    private final LeadService leads;

    public PenaltyReviewService(
            KnownCaseRepository knownCases,
            PenaltyReviewRepository reviews,
            Outbox outbox,
            Clock clock,
            LeadService leads) {
        this.leads = leads;
        this.knownCases = knownCases;
        this.reviews = reviews;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a review; runs inside the caller's (idempotent) transaction. */
    public Uni<PenaltyReview> review(
            Caller caller, UUID caseId, ReviewOutcome outcome, String note, OffsetDateTime stated) {
        Instant now = clock.instant();
        return knownCases
                .findById(caseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(k -> {
                    KnownCase c = visibleDecision(caller, caseId, k);
                    Instant occurred = stated == null ? now : stated.toInstant();
                    PenaltyReviewRule.checkOccurredAt(occurred, c.decisionDate, now, DeadlineClock.CHINA)
                            .ifPresent(problem -> {
                                throw ReferralService.unprocessable("occurredAt", problem);
                            });
                    PenaltyReviewRecord r = new PenaltyReviewRecord();
                    r.id = UUID.randomUUID();
                    r.caseId = c.caseId;
                    r.region = c.region;
                    r.agencyCode = c.agencyCode;
                    r.decisionDate = c.decisionDate;
                    r.procuratorateCode = caller.agencyCode();
                    r.outcome = outcome;
                    r.note = note.strip();
                    r.reviewedBy = caller.user();
                    r.occurredAt = OffsetDateTime.ofInstant(occurred, ZoneOffset.UTC);
                    r.recordedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                    PenaltyReviewSnapshot snapshot = new PenaltyReviewSnapshot(
                            r.id,
                            c.caseId,
                            c.caseNumber,
                            c.title,
                            c.category,
                            c.region,
                            c.agencyCode,
                            c.decisionDate,
                            r.procuratorateCode,
                            r.outcome.name(),
                            r.note,
                            r.reviewedBy,
                            r.occurredAt,
                            r.recordedAt);
                    return reviews.persist(r)
                            .call(() -> outcome != ReviewOutcome.LEAD_RAISED
                                    ? Uni.createFrom().voidItem()
                                    : leads.raiseFromReview(
                                                    new LeadService.DecidedCase(
                                                            c.caseId,
                                                            c.caseNumber,
                                                            c.title,
                                                            c.category,
                                                            c.region,
                                                            c.agencyCode,
                                                            c.decisionDate),
                                                    r.id,
                                                    r.procuratorateCode,
                                                    r.note)
                                            .invoke(lead -> r.leadId = lead.id))
                            .chain(() -> outbox.append(
                                    Topics.REFERRAL_EVENTS,
                                    c.caseId.toString(),
                                    outbox.newEvent(
                                            EventSources.REFERRAL_SERVICE,
                                            ReferralEventTypes.PENALTY_DECISION_REVIEWED,
                                            "penalty-decisions/" + c.caseId + "/reviews/" + r.id,
                                            snapshot)))
                            .map(ignored -> review(r)); // after the lead, so that the answer names it
                });
    }

    /** One penalty decision with its reviews. */
    public Uni<PenaltyDecision> find(Caller caller, UUID caseId) {
        return Panache.withSession(() -> knownCases
                .findById(caseId)
                .map(k -> visibleDecision(caller, caseId, k))
                .chain(c -> reviews.ofCases(List.of(caseId)).map(rs -> view(c, rs))));
    }

    /**
     * The penalty decisions of the caller's region and the regions beneath it, optionally only
     * within {@code region} (and beneath it) and only reviewed or unreviewed ones.
     */
    public Uni<List<PenaltyDecision>> list(Caller caller, String region, Boolean reviewed, int page, int size) {
        requireProcuratorate(caller);
        String supervised = ReferralAccess.supervisedRegionPrefix(ReferralService.viewer(caller));
        String within = region == null ? null : Regions.prefix(region);
        return Panache.withSession(() -> knownCases
                .decided(supervised, within, reviewed, page, size)
                .chain(cases -> reviews.ofCases(
                                cases.stream().map(k -> k.caseId).toList())
                        .map(rs -> {
                            Map<UUID, List<PenaltyReviewRecord>> byCase =
                                    rs.stream().collect(Collectors.groupingBy(r -> r.caseId));
                            return cases.stream()
                                    .map(k -> view(k, byCase.getOrDefault(k.caseId, List.of())))
                                    .toList();
                        })));
    }

    /** The decided case if the caller supervises its region; anything else is "not found". */
    private static KnownCase visibleDecision(Caller caller, UUID caseId, KnownCase k) {
        if (k == null
                || k.decisionDate == null
                || !ReferralAccess.canReviewPenaltyDecision(ReferralService.viewer(caller), k.region)) {
            throw ProblemException.notFound("penalty decision", caseId);
        }
        return k;
    }

    private static PenaltyDecision view(KnownCase k, List<PenaltyReviewRecord> rs) {
        boolean reviewed = rs.stream().anyMatch(r -> r.decisionDate.equals(k.decisionDate));
        return new PenaltyDecision(
                k.caseId,
                k.caseNumber,
                k.title,
                k.category,
                k.region,
                k.agencyCode,
                k.decisionDate,
                reviewed,
                rs.stream().map(PenaltyReviewService::review).toList());
    }

    private static PenaltyReview review(PenaltyReviewRecord r) {
        return new PenaltyReview(
                r.id,
                r.caseId,
                r.decisionDate,
                r.procuratorateCode,
                r.outcome,
                r.note,
                r.reviewedBy,
                r.occurredAt,
                r.recordedAt,
                r.leadId);
    }

    private static void requireProcuratorate(Caller caller) {
        if (!caller.is(AgencyType.PROCURATORATE)) {
            throw ProblemException.forbidden("penalty decisions are reviewed by the procuratorate");
        }
    }
}
