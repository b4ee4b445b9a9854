package org.xianjie.cases.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.cases.domain.CaseAccess;
import org.xianjie.cases.domain.CaseLifecycle;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.domain.CaseStep;
import org.xianjie.cases.persistence.CaseReaderRepository;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.CaseRepository;
import org.xianjie.cases.persistence.EvidenceRecord;
import org.xianjie.cases.persistence.EvidenceRepository;
import org.xianjie.cases.service.command.AmountsInput;
import org.xianjie.cases.service.command.CloseCaseRequest;
import org.xianjie.cases.service.command.EvidenceRequest;
import org.xianjie.cases.service.command.OpenCaseRequest;
import org.xianjie.cases.service.command.PenaltyRequest;
import org.xianjie.cases.service.command.RecordFactsRequest;
import org.xianjie.cases.service.command.RevokePenaltyRequest;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.platform.problem.ProblemTypes;
import org.xianjie.platform.time.ActTimePolicy;

/**
 * Records administrative cases. Every accepted change commits together with its CloudEvent and its
 * timeline entry; a step that does not fit the case's state is refused with 409 naming the state
 * and the allowed steps; a case the caller may not see is "not found".
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final EvidenceRepository evidence;
    private final CaseReaderRepository readers;
    private final CaseEvents events;
    private final PartyCodec parties;
    private final AgencyDirectory directory;
    private final ActTimePolicy actTimes;

    public CaseService(
            CaseRepository cases,
            EvidenceRepository evidence,
            CaseReaderRepository readers,
            CaseEvents events,
            PartyCodec parties,
            AgencyDirectory directory,
            @ConfigProperty(name = "xianjie.acts.clock-skew", defaultValue = "PT2M") Duration skew,
            @ConfigProperty(name = "xianjie.acts.backdating-window", defaultValue = "P30D") Duration window) {
        this.actTimes = new ActTimePolicy(skew, window);
        this.cases = cases;
        this.evidence = evidence;
        this.readers = readers;
        this.events = events;
        this.parties = parties;
        this.directory = directory;
    }

    /**
     * When an act happened ({@code stated}, else now) and when it is recorded, checked against the
     * policy and the case's previous act; {@code field} names the stated time in a refusal
     * ({@code occurredAt} over REST, {@code time} for a posted CloudEvent).
     */
    public record ActAt(OffsetDateTime stated, String field) {
        public static ActAt of(OffsetDateTime stated) {
            return new ActAt(stated, ActTimePolicy.FIELD);
        }
    }

    private record ActTime(OffsetDateTime occurredAt, OffsetDateTime recordedAt) {}

    private ActTime actTime(Caller caller, ActAt at, OffsetDateTime previousAct) {
        OffsetDateTime recorded = now();
        Instant occurred = ActTimePolicy.occurredAt(
                at.stated() == null ? null : at.stated().toInstant(), recorded.toInstant());
        actTimes.check(
                        occurred,
                        recorded.toInstant(),
                        previousAct == null ? null : previousAct.toInstant(),
                        caller.hasRole(ActTimePolicy.CORRECTOR_ROLE))
                .ifPresent(refusal -> {
                    throw refusal.problem(at.field());
                });
        return new ActTime(OffsetDateTime.ofInstant(occurred, ZoneOffset.UTC), recorded);
    }

    public Uni<CaseDetails> open(Caller caller, OpenCaseRequest request) {
        return open(caller, request, ActAt.of(request.occurredAt()));
    }

    public Uni<CaseDetails> open(Caller caller, OpenCaseRequest request, ActAt at) {
        if (!caller.is(AgencyType.ADMINISTRATIVE)) {
            throw ProblemException.forbidden("only administrative enforcement agencies open cases");
        }
        if (request.agencyCode() != null && !request.agencyCode().equals(caller.agencyCode())) {
            throw new ProblemException(
                    403,
                    ProblemTypes.FORBIDDEN,
                    "Forbidden",
                    "agencyCode " + request.agencyCode() + " is not the agency of the token (" + caller.agencyCode()
                            + ")",
                    List.of(new Problem.FieldError("agencyCode", "must be the agency of the token")),
                    null);
        }
        String region = request.region() == null ? caller.region() : request.region();
        if (!directory.knowsRegion(region)) {
            throw ProblemException.badRequest("region", "unknown region " + region);
        }
        ActTime time = actTime(caller, at, null);
        return Panache.withTransaction(() -> cases.findByNumber(caller.agencyCode(), request.caseNumber())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom()
                                .failure(new ProblemException(
                                        409,
                                        ProblemTypes.CONFLICT,
                                        "Conflict",
                                        "case number " + request.caseNumber() + " already exists for "
                                                + caller.agencyCode(),
                                        List.of(new Problem.FieldError("caseNumber", "already used by this agency")),
                                        null));
                    }
                    OffsetDateTime now = time.recordedAt();
                    CaseRecord c = new CaseRecord();
                    c.id = UUID.randomUUID();
                    c.agencyCode = caller.agencyCode();
                    c.caseNumber = request.caseNumber();
                    c.category = request.category();
                    c.region = region;
                    c.title = request.title();
                    c.summary = request.summary();
                    c.state = CaseState.OPEN;
                    c.openedOn = request.openedOn();
                    setAmounts(c, request.amounts());
                    c.parties = parties.encode(request.parties() == null ? List.of() : request.parties());
                    c.createdAt = now;
                    c.updatedAt = now;
                    c.lastActAt = time.occurredAt();
                    return cases.persist(c)
                            .call(cases::flush)
                            .call(saved -> events.announce(
                                    saved,
                                    CaseEventTypes.OPENED,
                                    caller.agencyCode(),
                                    caller.user(),
                                    "opened",
                                    "立案 " + saved.caseNumber + ": " + saved.title,
                                    time.occurredAt(),
                                    time.recordedAt()))
                            .map(saved -> view(saved, List.of()));
                }));
    }

    public Uni<CaseDetails> recordFacts(Caller caller, UUID id, RecordFactsRequest request) {
        return recordFacts(caller, id, request, ActAt.of(request.occurredAt()));
    }

    public Uni<CaseDetails> recordFacts(Caller caller, UUID id, RecordFactsRequest request, ActAt at) {
        if (request.isEmpty()) {
            throw ProblemException.badRequest("body", "give at least one of title, summary, amounts, parties");
        }
        return change(caller, id, at, CaseStep.RECORD_FACTS, CaseEventTypes.FACTS_RECORDED, c -> {
            if (request.title() != null) {
                c.title = request.title();
            }
            if (request.summary() != null) {
                c.summary = request.summary();
            }
            if (request.amounts() != null) {
                setAmounts(c, request.amounts());
            }
            if (request.parties() != null) {
                c.parties = parties.encode(request.parties());
            }
            return Uni.createFrom().item("facts recorded");
        });
    }

    public Uni<CaseDetails> addEvidence(Caller caller, UUID id, EvidenceRequest request) {
        return addEvidence(caller, id, request, ActAt.of(request.occurredAt()));
    }

    public Uni<CaseDetails> addEvidence(Caller caller, UUID id, EvidenceRequest request, ActAt at) {
        String digest = request.sha256().toLowerCase(java.util.Locale.ROOT);
        return change(
                caller,
                id,
                at,
                CaseStep.ADD_EVIDENCE,
                CaseEventTypes.EVIDENCE_ADDED,
                c -> evidence.hasDigest(c.id, digest).chain(known -> {
                    if (known) {
                        return Uni.createFrom()
                                .failure(new ProblemException(
                                        409,
                                        ProblemTypes.CONFLICT,
                                        "Conflict",
                                        "this case already has an evidence item with SHA-256 " + digest,
                                        List.of(new Problem.FieldError("sha256", "already recorded for this case")),
                                        null));
                    }
                    EvidenceRecord e = new EvidenceRecord();
                    e.id = UUID.randomUUID();
                    e.caseId = c.id;
                    e.type = request.type();
                    e.description = request.description();
                    e.sha256 = digest;
                    e.recordedBy = caller.user();
                    e.createdAt = now();
                    e.recordedAt = request.recordedAt() == null ? e.createdAt : request.recordedAt();
                    c.evidenceCount++;
                    return evidence.persist(e)
                            .call(() -> events.chainEvidence(e))
                            .replaceWith("evidence " + e.type + " " + digest.substring(0, 12));
                }));
    }

    public Uni<CaseDetails> decidePenalty(Caller caller, UUID id, PenaltyRequest request) {
        return decidePenalty(caller, id, request, ActAt.of(request.occurredAt()));
    }

    public Uni<CaseDetails> decidePenalty(Caller caller, UUID id, PenaltyRequest request, ActAt at) {
        if (request.fine() == null
                && request.confiscation() == null
                && (request.otherMeasures() == null || request.otherMeasures().isBlank())) {
            throw ProblemException.badRequest("fine", "a penalty needs a fine, a confiscation or other measures");
        }
        return change(caller, id, at, CaseStep.DECIDE_PENALTY, CaseEventTypes.PENALTY_DECIDED, c -> {
            if (request.decisionDate().isBefore(c.openedOn)) {
                return Uni.createFrom()
                        .failure(ProblemException.badRequest(
                                "decisionDate", "must not be before the case was opened (" + c.openedOn + ")"));
            }
            c.penaltyDecisionNumber = request.decisionNumber();
            c.penaltyDecisionDate = request.decisionDate();
            c.penaltyFine = request.fine();
            c.penaltyConfiscation = request.confiscation();
            c.penaltyOtherMeasures = request.otherMeasures();
            c.penaltyRevokedAt = null;
            c.penaltyRevocationReason = null;
            return Uni.createFrom().item("行政处罚决定 " + request.decisionNumber());
        });
    }

    public Uni<CaseDetails> revokePenalty(Caller caller, UUID id, RevokePenaltyRequest request) {
        return revokePenalty(caller, id, request, ActAt.of(request.occurredAt()));
    }

    /**
     * 撤销: the agency that recorded the decision revokes it, once. The decision's fields stay on the
     * case (the record shows what was revoked); a closed case stays closed, a decided one reopens.
     */
    public Uni<CaseDetails> revokePenalty(Caller caller, UUID id, RevokePenaltyRequest request, ActAt at) {
        return change(caller, id, at, CaseStep.REVOKE_PENALTY, CaseEventTypes.PENALTY_REVOKED, (c, time) -> {
            if (c.penaltyDecisionNumber == null) {
                return Uni.createFrom()
                        .failure(ProblemException.stateConflict(
                                "the case has no penalty decision to revoke",
                                c.state.name(),
                                CaseLifecycle.allowedSteps(c.state, c.penaltyInForce())));
            }
            if (c.penaltyRevokedAt != null) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict(
                                "the penalty decision " + c.penaltyDecisionNumber + " is already revoked"));
            }
            c.penaltyRevokedAt = time.occurredAt();
            c.penaltyRevocationReason = request.reason().strip();
            return Uni.createFrom().item("撤销行政处罚决定 " + c.penaltyDecisionNumber + ": " + c.penaltyRevocationReason);
        });
    }

    public Uni<CaseDetails> close(Caller caller, UUID id, CloseCaseRequest request) {
        return close(caller, id, request, ActAt.of(request.occurredAt()));
    }

    public Uni<CaseDetails> close(Caller caller, UUID id, CloseCaseRequest request, ActAt at) {
        return change(caller, id, at, CaseStep.CLOSE, CaseEventTypes.CLOSED, c -> {
            if (request.closedOn().isBefore(c.openedOn)) {
                return Uni.createFrom()
                        .failure(ProblemException.badRequest(
                                "closedOn", "must not be before the case was opened (" + c.openedOn + ")"));
            }
            c.closedOn = request.closedOn();
            c.closeReason = request.reason();
            return Uni.createFrom().item("结案" + (request.reason() == null ? "" : ": " + request.reason()));
        });
    }

    /** Finds the case an agency's system names by its own case number (for posted CloudEvents). */
    public Uni<UUID> idOfNumber(Caller caller, String caseNumber) {
        return Panache.withSession(() -> cases.findByNumber(caller.agencyCode(), caseNumber))
                .map(c -> {
                    if (c == null) {
                        throw ProblemException.notFound("case", caseNumber);
                    }
                    return c.id;
                });
    }

    /**
     * Applies an owner's step in one transaction: the case is locked, the caller's right and the
     * state checked, the change made and announced.
     */
    private Uni<CaseDetails> change(
            Caller caller,
            UUID id,
            ActAt at,
            CaseStep step,
            String eventType,
            Function<CaseRecord, Uni<String>> apply) {
        return change(caller, id, at, step, eventType, (c, time) -> apply.apply(c));
    }

    /** As above, for a change that records the time of the act on the case itself. */
    private Uni<CaseDetails> change(
            Caller caller,
            UUID id,
            ActAt at,
            CaseStep step,
            String eventType,
            BiFunction<CaseRecord, ActTime, Uni<String>> apply) {
        return Panache.withTransaction(() -> cases.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(c -> requireWritable(caller, id, c))
                .chain(c -> {
                    if (!CaseLifecycle.allows(c.state, step)) {
                        return Uni.createFrom()
                                .failure(ProblemException.stateConflict(
                                        step.apiName() + " is not allowed while the case is " + c.state,
                                        c.state.name(),
                                        CaseLifecycle.allowedSteps(c.state, c.penaltyInForce())));
                    }
                    // A case's acts are entered in the order they happened (never before its latest act).
                    ActTime time = actTime(caller, at, c.lastActAt);
                    return apply.apply(c, time).chain(summary -> {
                        c.state = CaseLifecycle.after(c.state, step);
                        c.updatedAt = time.recordedAt();
                        c.lastActAt = time.occurredAt();
                        return cases.flush()
                                .chain(() -> events.announce(
                                        c,
                                        eventType,
                                        caller.agencyCode(),
                                        caller.user(),
                                        step.apiName(),
                                        summary,
                                        time.occurredAt(),
                                        time.recordedAt()))
                                .chain(() -> evidence.ofCase(c.id))
                                .map(items -> view(c, items));
                    });
                }));
    }

    private Uni<CaseRecord> requireWritable(Caller caller, UUID id, CaseRecord c) {
        if (c == null) {
            return Uni.createFrom().failure(ProblemException.notFound("case", id));
        }
        if (CaseAccess.canWrite(caller.agencyCode(), c.agencyCode)) {
            return Uni.createFrom().item(c);
        }
        return readers.readersOf(c.id)
                .chain(list -> Uni.createFrom()
                        .failure(
                                CaseAccess.canRead(
                                                caller.agencyCode(),
                                                caller.is(AgencyType.PROCURATORATE),
                                                caller.region(),
                                                c.agencyCode,
                                                c.region,
                                                list)
                                        ? ProblemException.forbidden("only " + c.agencyCode + " changes this case")
                                        : ProblemException.notFound("case", id)));
    }

    CaseDetails view(CaseRecord c, List<EvidenceRecord> items) {
        return new CaseDetails(c, parties.decode(c.parties), items);
    }

    private static void setAmounts(CaseRecord c, AmountsInput a) {
        if (a == null) {
            return;
        }
        c.illegalBusinessVolume = a.illegalBusinessVolume();
        c.illegalGains = a.illegalGains();
        c.sales = a.sales();
        c.unsoldGoodsValue = a.unsoldGoodsValue();
        c.copies = a.copies();
        c.marks = a.marks();
        c.lossOrGains = a.lossOrGains();
        c.serviceMark = a.serviceMark();
        c.onlineWorks = a.onlineWorks();
        c.downloads = a.downloads();
        c.clicks = a.clicks();
        c.registeredMembers = a.registeredMembers();
    }

    /** Microsecond precision, as PostgreSQL stores it, so that listing cursors match stored values. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
