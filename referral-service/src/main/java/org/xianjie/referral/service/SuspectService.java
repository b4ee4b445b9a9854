package org.xianjie.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xianjie.events.EventSources;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.SuspectSnapshot;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.pii.IdentityHasher;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.criminal.Charges;
import org.xianjie.referral.domain.criminal.FineSetOff;
import org.xianjie.referral.domain.criminal.Judgment;
import org.xianjie.referral.domain.criminal.NewSuspect;
import org.xianjie.referral.domain.criminal.Suspect;
import org.xianjie.referral.domain.criminal.SuspectDecision;
import org.xianjie.referral.domain.criminal.SuspectDecisionInput;
import org.xianjie.referral.domain.criminal.SuspectDecisions;
import org.xianjie.referral.domain.criminal.SuspectRuleViolation;
import org.xianjie.referral.domain.criminal.SuspectStanding;
import org.xianjie.referral.domain.process.ReferralStep;
import org.xianjie.referral.persistence.CaseFactRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.persistence.SuspectRecord;
import org.xianjie.referral.persistence.SuspectRepository;

/**
 * 犯罪嫌疑人: records the suspects of a referral and what each step decides for them. Decisions
 * ride on the referral's steps ({@link #decide}, called inside the step's transaction), so who may
 * decide is the step's rule; each decision is announced by its own event after the step's.
 */
@ApplicationScoped
public class SuspectService {

    private final ReferralRepository referrals;
    private final SuspectRepository suspects;
    private final CaseFactRepository caseFacts;
    private final IdentityHasher hasher;
    private final Outbox outbox;
    private final Clock clock;

    public SuspectService(
            ReferralRepository referrals,
            SuspectRepository suspects,
            CaseFactRepository caseFacts,
            IdentityHasher hasher,
            Outbox outbox,
            Clock clock) {
        this.referrals = referrals;
        this.suspects = suspects;
        this.caseFacts = caseFacts;
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a suspect; runs inside the caller's (idempotent) transaction. */
    public Uni<Suspect> record(Caller caller, UUID referralId, NewSuspect s) {
        List<String> charges = checked(s);
        return referrals.lock(referralId).chain(r -> {
            readable(caller, referralId, r);
            if (!ReferralAccess.canRecordSuspects(ReferralService.viewer(caller), r.access())) {
                throw ProblemException.forbidden("suspects of this referral are recorded by " + r.agencyCode
                        + " or the police handling it, while it runs");
            }
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            SuspectRecord rec = new SuspectRecord();
            rec.id = UUID.randomUUID();
            rec.referralId = r.id;
            rec.caseId = r.caseId;
            rec.kind = s.kind();
            rec.name = s.name().strip();
            rec.identityHashes = String.join(",", hasher.hashes(s.identityNumber()));
            rec.maskedIdentityNumber = IdentityHasher.mask(s.identityNumber());
            rec.role = s.role();
            rec.charges = String.join(",", charges);
            rec.recordedBy = caller.agencyCode();
            rec.recordedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            return suspects.persist(rec)
                    .chain(() -> announce(
                            r,
                            rec,
                            ReferralEventTypes.SUSPECT_RECORDED,
                            "RECORDED",
                            null,
                            caller.agencyCode(),
                            now,
                            now))
                    .replaceWith(() -> view(rec));
        });
    }

    /** The suspects of a referral the caller may read; "not found" for anyone else. */
    public Uni<List<Suspect>> list(Caller caller, UUID referralId) {
        return Panache.withSession(() -> referrals
                .findById(referralId)
                .invoke(r -> readable(caller, referralId, r))
                .chain(() -> suspects.ofReferral(referralId))
                .map(rs -> rs.stream().map(SuspectService::view).toList()));
    }

    /**
     * Records what {@code step} decides for the suspects it names; called by the step's transaction
     * after the step itself was allowed. A step naming nobody decides for nobody.
     */
    public Uni<Void> decide(
            Caller caller,
            ReferralRecord r,
            ReferralStep step,
            List<SuspectDecisionInput> named,
            Instant occurredAt,
            Instant recordedAt) {
        if (named == null || named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return suspects.ofReferral(r.id).chain(all -> {
            Map<UUID, SuspectRecord> byId = all.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
            Map<UUID, SuspectStanding> standings =
                    all.stream().collect(Collectors.toMap(x -> x.id, SuspectRecord::standing));
            List<SuspectDecision> decisions;
            try {
                decisions = SuspectDecisions.decide(step, named, standings);
            } catch (SuspectRuleViolation v) {
                throw ReferralService.unprocessable(v.field(), v.getMessage());
            }
            OffsetDateTime at = OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
            List<SuspectRecord> judged = new ArrayList<>();
            for (SuspectDecision d : decisions) {
                SuspectRecord s = byId.get(d.suspectId());
                apply(s, d, at);
                if (d.judgment() != null) {
                    judged.add(s);
                }
            }
            return setOff(r.caseId, judged)
                    .chain(() -> Multi.createFrom()
                            .iterable(decisions)
                            .onItem()
                            .transformToUniAndConcatenate(d -> announce(
                                    r,
                                    byId.get(d.suspectId()),
                                    ReferralEventTypes.SUSPECT_DECIDED,
                                    d.act().name(),
                                    step,
                                    caller.agencyCode(),
                                    occurredAt,
                                    recordedAt))
                            .collect()
                            .last())
                    .replaceWithVoid();
        });
    }

    private static void apply(SuspectRecord s, SuspectDecision d, OffsetDateTime at) {
        switch (d.act()) {
            case ARREST_REQUESTED -> {
                s.arrestRequestedAt = at;
                s.arrestDecision = null;
                s.arrestDecidedAt = null;
            }
            case ARREST_DECIDED -> {
                s.arrestDecision = d.arrest();
                s.arrestDecidedAt = at;
            }
            case PROSECUTION_DECIDED -> {
                s.prosecutionDecision = d.prosecution();
                s.prosecutionDecidedAt = at;
            }
            case COURT_ACCEPTED -> s.courtAcceptedAt = at;
            case JUDGED -> {
                Judgment j = d.judgment();
                s.verdict = j.verdict();
                s.imprisonmentMonths = j.imprisonmentMonths();
                s.probationMonths = j.probationMonths();
                s.criminalFine = j.criminalFine();
                s.administrativeFineSetOff = BigDecimal.ZERO;
                s.fineDue = j.criminalFine();
                s.judgedAt = at;
            }
        }
    }

    /**
     * Decree 310 art. 11: the penalty's fine (known from case events) is set off against the criminal
     * fines of the judged defendants who were parties to that penalty, once in all.
     */
    private Uni<Void> setOff(UUID caseId, List<SuspectRecord> judged) {
        if (judged.isEmpty() || judged.stream().allMatch(s -> s.criminalFine.signum() == 0)) {
            return Uni.createFrom().voidItem();
        }
        return caseFacts.findById(caseId).chain(fact -> {
            BigDecimal fine = fact == null ? null : fact.penaltyFine;
            if (fine == null || fine.signum() == 0) {
                return Uni.createFrom().voidItem();
            }
            return suspects.ofCase(caseId)
                    .chain(ofCase -> {
                        BigDecimal already = ofCase.stream()
                                .filter(s -> !judged.contains(s))
                                .map(s -> s.administrativeFineSetOff == null
                                        ? BigDecimal.ZERO
                                        : s.administrativeFineSetOff)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        return suspects.penaltyParties(caseId).map(parties -> {
                            BigDecimal used = already;
                            for (SuspectRecord s : judged) {
                                if (IdentityHasher.match(s.hashes(), parties)) {
                                    FineSetOff.Result result = FineSetOff.apply(s.criminalFine, fine, used);
                                    s.administrativeFineSetOff = result.setOff();
                                    s.fineDue = result.fineDue();
                                    used = used.add(result.setOff());
                                }
                            }
                            return null;
                        });
                    })
                    .replaceWithVoid();
        });
    }

    private Uni<Void> announce(
            ReferralRecord r,
            SuspectRecord s,
            String type,
            String act,
            ReferralStep step,
            String actor,
            Instant occurredAt,
            Instant recordedAt) {
        SuspectSnapshot snapshot = new SuspectSnapshot(
                s.id,
                r.id,
                r.caseId,
                r.region,
                r.agencyCode,
                act,
                step == null ? null : step.name(),
                actor,
                s.kind.name(),
                s.role.name(),
                s.hashes(),
                s.maskedIdentityNumber,
                List.of(s.charges.split(",")),
                s.arrestDecision == null ? null : s.arrestDecision.name(),
                s.prosecutionDecision == null ? null : s.prosecutionDecision.name(),
                s.courtAcceptedAt == null ? null : true,
                s.verdict == null ? null : s.verdict.name(),
                s.imprisonmentMonths,
                s.probationMonths,
                s.criminalFine,
                s.administrativeFineSetOff,
                s.fineDue,
                OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
        return outbox.append(
                        Topics.REFERRAL_EVENTS,
                        r.caseId.toString(),
                        outbox.newEvent(
                                EventSources.REFERRAL_SERVICE,
                                type,
                                "referrals/" + r.id + "/suspects/" + s.id,
                                snapshot))
                .replaceWithVoid();
    }

    private static List<String> checked(NewSuspect s) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (s.kind() == null) {
            errors.add(new Problem.FieldError("kind", "required: PERSON or COMPANY"));
        }
        if (s.role() == null) {
            errors.add(new Problem.FieldError("role", "required"));
        }
        if (s.name() == null || s.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "required"));
        }
        if (s.identityNumber() == null
                || IdentityHasher.normalize(s.identityNumber()).length() < 8) {
            errors.add(new Problem.FieldError(
                    "identityNumber", "required: the 居民身份证号码 of a person or the 统一社会信用代码 of a company"));
        }
        Charges.problem(s.charges()).ifPresent(p -> errors.add(new Problem.FieldError("charges", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Charges.distinct(s.charges());
    }

    private static void readable(Caller caller, UUID id, ReferralRecord r) {
        if (r == null || !ReferralService.canRead(caller, r)) {
            throw ProblemException.notFound("referral", id);
        }
    }

    static Suspect view(SuspectRecord s) {
        Judgment judgment = s.judgedAt == null
                ? null
                : new Judgment(
                        s.verdict,
                        s.imprisonmentMonths,
                        s.probationMonths,
                        s.criminalFine,
                        s.administrativeFineSetOff,
                        s.fineDue);
        return new Suspect(
                s.id,
                s.referralId,
                s.kind,
                s.name,
                s.maskedIdentityNumber,
                s.role,
                List.of(s.charges.split(",")),
                s.arrestRequestedAt,
                s.arrestDecision,
                s.arrestDecidedAt,
                s.prosecutionDecision,
                s.prosecutionDecidedAt,
                s.courtAcceptedAt,
                judgment,
                s.judgedAt);
    }
}
