package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.xianjie.events.EventSources;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.integrity.ChainReport;
import org.xianjie.platform.integrity.DeliveryEvidenceRecord;
import org.xianjie.platform.integrity.DeliveryEvidences;
import org.xianjie.platform.integrity.RecordChain;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.platform.problem.ProblemTypes;
import org.xianjie.platform.time.ActTimePolicy;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.process.ActorNotAllowed;
import org.xianjie.referral.domain.process.AttachmentKind;
import org.xianjie.referral.domain.process.AttachmentRequirement;
import org.xianjie.referral.domain.process.AttachmentRule;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralStateMachine;
import org.xianjie.referral.domain.process.ReferralStep;
import org.xianjie.referral.domain.process.StepNotAllowed;
import org.xianjie.referral.domain.process.Transition;
import org.xianjie.referral.domain.time.TimeLimitCodes;
import org.xianjie.referral.persistence.ActEntryRecord;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.DeadlineRepository;
import org.xianjie.referral.persistence.HistoryRecord;
import org.xianjie.referral.persistence.HistoryRepository;
import org.xianjie.referral.persistence.KnownCase;
import org.xianjie.referral.persistence.KnownCaseRepository;
import org.xianjie.referral.persistence.ReferralRecord;
import org.xianjie.referral.persistence.ReferralRepository;

/**
 * Runs the referral process: checks that the acting agency is the one the law names (the police at
 * the same level, 同级, or the one the case was forwarded to; the procuratorate of the region; the
 * court the case went to), lets the state machine decide the rest, and commits each step with its
 * history, its deadlines and its CloudEvent in one transaction.
 */
@ApplicationScoped
public class ReferralService {

    private final ReferralStateMachine machine;
    private final TransitionApplier applier;
    private final ReferralRepository referrals;
    private final DeadlineRepository deadlines;
    private final HistoryRepository history;
    private final KnownCaseRepository knownCases;
    private final AgencyDirectory directory;
    private final Outbox outbox;
    private final Snapshots snapshots;
    private final ReferralViews views;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ActEntries acts;
    private final SuspectService suspects;

    private final RecordChain chain;
    private final DeliveryEvidences evidences;
    static final String EVIDENCE_SUBJECT = "referral";

    public ReferralService(
            ReferralStateMachine machine,
            TransitionApplier applier,
            ReferralRepository referrals,
            DeadlineRepository deadlines,
            HistoryRepository history,
            KnownCaseRepository knownCases,
            AgencyDirectory directory,
            Outbox outbox,
            Snapshots snapshots,
            ReferralViews views,
            ObjectMapper mapper,
            Clock clock,
            ActEntries acts,
            SuspectService suspects,
            RecordChain chain,
            DeliveryEvidences evidences) {
        this.acts = acts;
        this.suspects = suspects;
        this.evidences = evidences;
        this.chain = chain;
        this.machine = machine;
        this.applier = applier;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.history = history;
        this.knownCases = knownCases;
        this.directory = directory;
        this.outbox = outbox;
        this.snapshots = snapshots;
        this.views = views;
        this.mapper = mapper;
        this.clock = clock;
    }

    // --- opening a referral ---

    public Uni<ReferralView> start(Caller caller, StartReferralRequest request) {
        ReferralStep step = request.startStep() == null ? ReferralStep.REPORT : request.startStep();
        if (!step.isStart()) {
            throw ProblemException.badRequest("startStep", "must be one of " + machine.startingSteps());
        }
        Transition transition = startTransition(caller, step);
        List<String> team = caseTeam(step, request.caseTeam());
        requireReason(step, request.reason());
        ReferralAccess.Viewer viewer = viewer(caller);
        ActTime time = actTime(caller, request.occurredAt(), null);
        return Panache.withTransaction(() -> referrals
                        .lockCase(request.caseId())
                        .chain(() -> knownCases.findById(request.caseId()))
                        .chain(known -> referrals.findByCase(request.caseId()).chain(existing -> {
                            boolean partyToCase = existing.stream()
                                    .anyMatch(o ->
                                            ReferralAccess.parties(o.access()).contains(caller.agencyCode()));
                            ReferralAccess.KnownCase facts =
                                    known == null ? null : new ReferralAccess.KnownCase(known.agencyCode, known.region);
                            if (!ReferralAccess.mayStart(
                                    viewer, step, facts, namedAgencyRegion(step, request, known), partyToCase)) {
                                // Not the caller's case: it learns nothing about it, not even that it exists.
                                throw ProblemException.notFound("case", request.caseId());
                            }
                            requireAfterOpening(step, known, time.occurredAt());
                            ReferralRecord r = newReferral(caller, step, request, known, team);
                            for (ReferralRecord other : existing) {
                                if (!other.state.isTerminal()) {
                                    if (!ReferralAccess.mayLearnOf(viewer, other.access())) {
                                        throw ProblemException.notFound("case", request.caseId());
                                    }
                                    throw ProblemException.conflict("case " + r.caseId + " already has referral "
                                            + other.id + " in state " + other.state);
                                }
                            }
                            return commit(
                                    caller,
                                    r,
                                    true,
                                    transition,
                                    List.of(),
                                    StepRequest.EMPTY,
                                    request.reason(),
                                    List.of(),
                                    time);
                        })))
                .invoke(c -> acts.count(c.act()))
                .map(Committed::view);
    }

    /**
     * A report is made on an opened case: it cannot have happened before the case's opening (立案)
     * as case-service announced it. (A penalty decision is no such limit: Decree 310 art. 11 lets
     * a penalty precede or follow the referral.) Unknown openings are not checked.
     */
    private static void requireAfterOpening(ReferralStep step, KnownCase known, Instant occurredAt) {
        if (step != ReferralStep.REPORT || known == null || known.openedAt == null) {
            return;
        }
        Instant opened = known.openedAt.toInstant();
        if (occurredAt.isBefore(opened)) {
            throw new ActTimePolicy.Refusal(
                            409,
                            opened.toString(),
                            "must not be before the opening (立案) of case " + known.caseId + " at " + opened
                                    + ", the act this report rests on")
                    .problem(ActTimePolicy.FIELD);
        }
    }

    /** The region of the agency a reverse referral names when the case is not known (else null). */
    private String namedAgencyRegion(ReferralStep step, StartReferralRequest request, KnownCase known) {
        if (step == ReferralStep.REPORT || known != null) {
            return null;
        }
        if (request.agencyCode() == null) {
            // about the request itself, so it tells nothing about the case
            throw ProblemException.badRequest(
                    "agencyCode", "required: the administrative agency that is to receive the procuratorial opinion");
        }
        return directory.find(request.agencyCode()).map(Agency::region).orElse(null);
    }

    /** When the act happened and when it is recorded. */
    private record ActTime(Instant occurredAt, Instant recordedAt) {}

    /** What a committed step produced: the view for the caller and the act counted once committed. */
    private record Committed(ReferralView view, ActEntryRecord act) {}

    /**
     * The act's time, checked: not in the future, not older than the backdating window (unless the
     * caller may correct history), not before {@code previousAct}. A refusal changes nothing.
     */
    private ActTime actTime(Caller caller, OffsetDateTime stated, Instant previousAct) {
        Instant recordedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant occurredAt = ActTimePolicy.occurredAt(stated == null ? null : stated.toInstant(), recordedAt);
        acts.policy()
                .check(occurredAt, recordedAt, previousAct, caller.hasRole(ActTimePolicy.CORRECTOR_ROLE))
                .ifPresent(refusal -> {
                    throw refusal.problem(ActTimePolicy.FIELD);
                });
        return new ActTime(occurredAt, recordedAt);
    }

    private Transition startTransition(Caller caller, ReferralStep step) {
        try {
            return machine.start(step, partyType(caller), caller.roles());
        } catch (ActorNotAllowed e) {
            throw ProblemException.forbidden(e.getMessage());
        } catch (StepNotAllowed e) {
            throw ProblemException.badRequest("startStep", "must be one of " + e.allowedSteps());
        }
    }

    private ReferralRecord newReferral(
            Caller caller, ReferralStep step, StartReferralRequest request, KnownCase known, List<String> team) {
        ReferralRecord r = new ReferralRecord();
        r.id = UUID.randomUUID();
        r.caseId = request.caseId();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        r.createdAt = now;
        r.updatedAt = now;
        r.caseTeam = team.isEmpty() ? null : String.join("\n", team);
        if (step == ReferralStep.REPORT) {
            r.agencyCode = caller.agencyCode();
            r.region = caller.region();
        } else {
            r.procuratorateCode = caller.agencyCode();
            r.region = caller.region();
            r.agencyCode = reverseReferralAgency(request, known);
        }
        fillCaseFields(r, request, known);
        if (step == ReferralStep.REPORT) {
            r.policeCode = sameLevel(AgencyType.POLICE, r.region, "police");
            r.procuratorateCode = sameLevel(AgencyType.PROCURATORATE, r.region, "procuratorate");
        } else {
            r.policeCode = directory
                    .sameLevel(AgencyType.POLICE, r.region)
                    .map(Agency::code)
                    .orElse(null);
        }
        return r;
    }

    private String reverseReferralAgency(StartReferralRequest request, KnownCase known) {
        String code = request.agencyCode() != null ? request.agencyCode() : known == null ? null : known.agencyCode;
        if (code == null) {
            throw ProblemException.badRequest(
                    "agencyCode", "required: the administrative agency that is to receive the procuratorial opinion");
        }
        Agency agency = directory.find(code).orElse(null);
        if (agency == null || agency.type() != AgencyType.ADMINISTRATIVE) {
            throw unprocessable("agencyCode", "'" + code + "' is not an administrative enforcement agency");
        }
        if (known != null && !known.agencyCode.equals(code)) {
            throw unprocessable("agencyCode", "case " + known.caseId + " belongs to " + known.agencyCode);
        }
        return code;
    }

    private static void fillCaseFields(ReferralRecord r, StartReferralRequest request, KnownCase known) {
        if (known != null) {
            r.caseNumber = known.caseNumber;
            r.caseTitle = known.title;
            r.category = known.category;
            return;
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (blank(request.caseNumber())) {
            missing.add(new Problem.FieldError("caseNumber", "required while case-service has not announced the case"));
        }
        if (blank(request.caseTitle())) {
            missing.add(new Problem.FieldError("caseTitle", "required while case-service has not announced the case"));
        }
        if (request.category() == null) {
            missing.add(new Problem.FieldError("category", "required while case-service has not announced the case"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        r.caseNumber = request.caseNumber();
        r.caseTitle = request.caseTitle();
        r.category = request.category().name();
    }

    private String sameLevel(AgencyType type, String region, String what) {
        return directory
                .sameLevel(type, region)
                .map(Agency::code)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "No " + what + " at the same level",
                        "the directory has no " + what + " for region " + region,
                        List.of(),
                        null));
    }

    /** Art. 5: the referral report names its case team (专案组) of two or more officers. */
    private static List<String> caseTeam(ReferralStep step, List<String> members) {
        if (step != ReferralStep.REPORT && (members == null || members.isEmpty())) {
            return List.of();
        }
        List<String> distinct = members == null
                ? List.of()
                : new ArrayList<>(
                        new LinkedHashSet<>(members.stream().map(String::strip).toList()));
        if (distinct.size() < 2) {
            throw ProblemException.badRequest(
                    "caseTeam", "a referral report names a case team of two or more officers (Decree 310 art. 5)");
        }
        return distinct;
    }

    // --- taking a step ---

    public Uni<ReferralView> step(Caller caller, UUID id, ReferralStep step, StepRequest body, Long ifMatch) {
        StepRequest request = body == null ? StepRequest.EMPTY : body;
        Long expected = request.expectedVersion() != null ? request.expectedVersion() : ifMatch;
        actTime(caller, request.occurredAt(), null); // refuse a bad time before reading anything
        return Panache.withTransaction(() -> loadForUpdate(caller, id).chain(r -> {
                    if (expected != null && expected != r.version) {
                        throw versionConflict(r);
                    }
                    checkAgency(caller, r, step);
                    Transition transition = apply(caller, r, step);
                    requireReason(step, request.reason());
                    requireAttachments(step, request.attachmentList());
                    return history.forReferral(r.id).chain(past -> {
                        // Acts of one referral are entered in the order they happened: a limit must never be
                        // counted from, or settled by, an act that came before the one it follows.
                        Instant previous = past.stream()
                                .map(h -> h.occurredAt.toInstant())
                                .max(Instant::compareTo)
                                .orElse(null);
                        ActTime time = actTime(caller, request.occurredAt(), previous);
                        return deadlines.forReferral(r.id).chain(current -> {
                            List<String> remarks = prepare(r, step, request, current, time.occurredAt());
                            // The step decides for the suspects it names (arrest of 2 of 3, ...) in its transaction,
                            // announced after the step's own event.
                            return commit(
                                            caller,
                                            r,
                                            false,
                                            transition,
                                            current,
                                            request,
                                            request.reason(),
                                            remarks,
                                            time)
                                    .call(() -> suspects.decide(
                                            caller,
                                            r,
                                            step,
                                            request.namedSuspects(),
                                            time.occurredAt(),
                                            time.recordedAt()));
                        });
                    });
                }))
                .invoke(c -> acts.count(c.act()))
                .map(Committed::view);
    }

    private Transition apply(Caller caller, ReferralRecord r, ReferralStep step) {
        try {
            return machine.apply(r.state, step, partyType(caller), caller.roles());
        } catch (ActorNotAllowed e) {
            throw ProblemException.forbidden(e.getMessage());
        } catch (StepNotAllowed e) {
            throw ProblemException.stateConflict(
                    step + " is not allowed in state " + r.state,
                    r.state.name(),
                    e.allowedSteps().stream().map(Enum::name).toList());
        }
    }

    /** The state machine knows party types; which agency of that type may act is ReferralAccess's call. */
    private static void checkAgency(Caller caller, ReferralRecord r, ReferralStep step) {
        PartyType type = partyType(caller);
        if (!step.actors().contains(type)) {
            return; // the state machine refuses the party type itself, naming who may act
        }
        if (!ReferralAccess.canAct(viewer(caller), r.access())) {
            String entitled = ReferralAccess.partyOf(r.access(), type);
            throw ProblemException.forbidden(step + " on this referral is for "
                    + (entitled == null ? "no " + type + " yet" : entitled) + ", not " + caller.agencyCode());
        }
    }

    /** Step-specific rules and effects on the referral's parties, before the transition is applied. */
    private List<String> prepare(
            ReferralRecord r,
            ReferralStep step,
            StepRequest request,
            List<DeadlineRecord> current,
            Instant occurredAt) {
        List<String> remarks = new ArrayList<>();
        switch (step) {
            // Extensions count from the receipt as it happened, not as it was keyed in.
            case RECEIVE, RECEIVE_OUT_OF_JURISDICTION ->
                r.lastReceiptAt = OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
            case FORWARD -> {
                String target = requireTarget(request, AgencyType.POLICE, "the competent police to forward to");
                if (target.equals(r.policeCode)) {
                    throw unprocessable("targetAgency", "the case is already with " + target);
                }
                r.forwardedFrom = r.policeCode;
                r.policeCode = target;
            }
            case EXTEND_FILING_REVIEW -> {
                refuseIfOpen(
                        current,
                        TimeLimitCodes.FILING_DECISION_MAJOR,
                        "the 30-day review of a major case is already running");
                refuseIfOpen(
                        current, TimeLimitCodes.FILING_DECISION_EXTENDED, "the review is already extended to 10 days");
                remarks.add(extensionRemark(current));
            }
            case EXTEND_FILING_REVIEW_MAJOR -> {
                refuseIfOpen(
                        current, TimeLimitCodes.FILING_DECISION_MAJOR, "the review is already extended to 30 days");
                remarks.add(extensionRemark(current));
            }
            case PROSECUTE ->
                r.courtCode = request.targetAgency() == null
                        ? sameLevel(AgencyType.COURT, r.region, "court")
                        : requireTarget(request, AgencyType.COURT, "the court");
            case REQUEST_CONSULTATION -> {
                if (request.targetAgency() != null
                        && !request.targetAgency().equals(r.policeCode)
                        && !request.targetAgency().equals(r.procuratorateCode)) {
                    throw unprocessable(
                            "targetAgency", "a consultation goes to " + r.policeCode + " or " + r.procuratorateCode);
                }
                r.policeInvited |= ReferralAccess.invitesPolice(step, request.targetAgency(), r.policeCode);
            }
            case REQUEST_EARLY_INTERVENTION -> r.policeInvited = true;
            default -> {}
        }
        return remarks;
    }

    private static String extensionRemark(List<DeadlineRecord> current) {
        return current.stream()
                .filter(DeadlineRecord::isOpen)
                .filter(d -> d.code.startsWith(TimeLimitCodes.FILING_DECISION))
                .map(d -> "extension: " + d.code + " was due at " + d.dueAt)
                .collect(Collectors.joining("; ", "", ""))
                .strip();
    }

    private static void refuseIfOpen(List<DeadlineRecord> current, String code, String detail) {
        if (current.stream().anyMatch(d -> d.isOpen() && d.code.equals(code))) {
            throw ProblemException.conflict(detail);
        }
    }

    private String requireTarget(StepRequest request, AgencyType type, String what) {
        if (blank(request.targetAgency())) {
            throw ProblemException.badRequest("targetAgency", "required: " + what);
        }
        Agency agency = directory.find(request.targetAgency()).orElse(null);
        if (agency == null || agency.type() != type) {
            throw unprocessable(
                    "targetAgency",
                    "'" + request.targetAgency() + "' is not a " + type.name().toLowerCase(java.util.Locale.ROOT)
                            + " agency of the directory");
        }
        return agency.code();
    }

    // --- committing: deadlines, history, event ---

    private Uni<Committed> commit(
            Caller caller,
            ReferralRecord r,
            boolean isNew,
            Transition transition,
            List<DeadlineRecord> current,
            StepRequest request,
            String reason,
            List<String> stepRemarks,
            ActTime time) {
        // PostgreSQL keeps microseconds: the response shows what a later read will show.
        Instant now = time.recordedAt();
        TransitionApplier.Applied applied = applier.apply(r, transition, current, time.occurredAt(), now);
        List<String> remarks = new ArrayList<>(stepRemarks);
        remarks.addAll(applied.remarks());
        HistoryRecord h = new HistoryRecord();
        h.referralId = r.id;
        h.step = transition.step();
        h.fromState = transition.from();
        h.toState = transition.to();
        h.actorAgency = caller.agencyCode();
        h.actorUser = caller.user();
        h.actorRole = role(caller);
        h.reason = blank(reason) ? null : reason.strip();
        h.note = request.note();
        h.targetAgency = request.targetAgency();
        h.attachments = request.attachmentList().isEmpty() ? null : json(request.attachmentList());
        String noted = remarks.stream().filter(s -> !s.isBlank()).collect(Collectors.joining("\n"));
        h.remarks = noted.isEmpty() ? null : noted;
        h.occurredAt = OffsetDateTime.ofInstant(time.occurredAt(), ZoneOffset.UTC);
        h.recordedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // A new referral is stored once complete, so that it starts at version 0.
        Uni<?> stored = isNew ? referrals.persist(r) : Uni.createFrom().voidItem();
        Uni<Void> opened =
                applied.opened().isEmpty() ? Uni.createFrom().voidItem() : deadlines.persist(applied.opened());
        ActEntries.Act act = new ActEntries.Act(
                ActEntryRecord.REFERRAL,
                transition.step().name(),
                caller.agencyCode(),
                caller.type().name(),
                r.region,
                r.caseId,
                r.id,
                r.caseNumber,
                time.occurredAt(),
                now,
                null,
                null);
        return stored.chain(() -> opened)
                .chain(() -> history.persist(h))
                .chain(() -> referrals.flush())
                .chain(() -> deadlines.forReferral(r.id))
                .chain(all -> {
                    ReferralSnapshot snapshot = snapshots.of(
                            r,
                            all,
                            transition.step(),
                            new ReferralSnapshot.Actor(
                                    caller.agencyCode(), caller.type().name(), caller.user(), role(caller)),
                            h.reason,
                            null,
                            time.occurredAt(),
                            now);
                    return outbox.append(
                                    Topics.REFERRAL_EVENTS,
                                    r.caseId.toString(),
                                    outbox.newEvent(
                                            EventSources.REFERRAL_SERVICE,
                                            ReferralEventTypes.forStep(
                                                    transition.step().name()),
                                            "referrals/" + r.id,
                                            snapshot))
                            .call(e -> chainAttachments(r, transition.step().name(), e.id(), request.attachmentList()))
                            .call(e -> deliveryEvidence(r, transition.step(), caller, e.id(), now))
                            .chain(() -> acts.record(act))
                            .chain(entry -> history.forReferral(r.id)
                                    .map(steps -> new Committed(views.view(caller, r, all, steps), entry)));
                });
    }

    // --- reading ---

    /**
     * Verifies the tamper-evident record of the referral's case (the chain of every event
     * referral-service published for the case), for whoever may read the referral.
     */
    public Uni<ChainReport> integrity(Caller caller, UUID id) {
        return Panache.withSession(() -> load(caller, id)).chain(r -> chain.verify(r.caseId.toString()));
    }

    public Uni<ReferralView> find(Caller caller, UUID id) {
        return Panache.withSession(() -> load(caller, id)
                .chain(r -> deadlines
                        .forReferral(id)
                        .chain(ds -> history.forReferral(id).map(hs -> views.view(caller, r, ds, hs)))));
    }

    public Uni<List<ReferralSummary>> list(Caller caller, ReferralRepository.ListFilter filter) {
        String supervised = ReferralAccess.supervisedRegionPrefix(viewer(caller));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.withSession(() -> referrals
                .visibleTo(caller.agencyCode(), supervised, ReferralAccess.BEFORE_SENDING, filter, now)
                .chain(rs -> {
                    if (rs.isEmpty()) {
                        return Uni.createFrom().item(List.<ReferralSummary>of());
                    }
                    List<UUID> ids = rs.stream().map(r -> r.id).toList();
                    return deadlines
                            .list("referralId in ?1 and closedAt is null", ids)
                            .map(open -> {
                                Map<UUID, List<DeadlineRecord>> byReferral =
                                        open.stream().collect(Collectors.groupingBy(d -> d.referralId));
                                return rs.stream()
                                        .map(r -> views.summary(r, byReferral.getOrDefault(r.id, List.of())))
                                        .toList();
                            });
                }));
    }

    /** A referral the caller may read; any other is "not found", so its existence does not leak. */
    private Uni<ReferralRecord> load(Caller caller, UUID id) {
        return referrals.findById(id).map(r -> readable(caller, id, r));
    }

    /** As {@link #load}, locked until commit: every writer of a referral serialises on its row. */
    private Uni<ReferralRecord> loadForUpdate(Caller caller, UUID id) {
        return referrals.lock(id).map(r -> readable(caller, id, r));
    }

    private static ReferralRecord readable(Caller caller, UUID id, ReferralRecord r) {
        if (r == null || !canRead(caller, r)) {
            throw ProblemException.notFound("referral", id);
        }
        return r;
    }

    static boolean canRead(Caller caller, ReferralRecord r) {
        return ReferralAccess.canRead(viewer(caller), r.access());
    }

    static ReferralAccess.Viewer viewer(Caller caller) {
        return new ReferralAccess.Viewer(caller.agencyCode(), partyType(caller), caller.region());
    }

    // --- helpers ---

    private static void requireReason(ReferralStep step, String reason) {
        if (step.requiresReasons() && blank(reason)) {
            throw unprocessable("reason", step + " needs its reasons on record");
        }
    }

    private static void requireAttachments(ReferralStep step, List<AttachmentInput> attachments) {
        Set<AttachmentKind> kinds = EnumSet.noneOf(AttachmentKind.class);
        attachments.forEach(a -> kinds.add(a.kind()));
        List<AttachmentRequirement> missing = AttachmentRule.missing(step, kinds);
        if (!missing.isEmpty()) {
            List<Problem.FieldError> errors = missing.stream()
                    .map(m -> new Problem.FieldError("attachments", "missing " + m.label() + ": one of " + m.anyOf()))
                    .toList();
            throw ProblemException.unprocessable(
                    "Attachments missing",
                    step + " needs " + missing.size() + " more document(s)",
                    errors,
                    Map.of(
                            "missing",
                            missing.stream().map(AttachmentRequirement::label).toList()));
        }
    }

    private static ProblemException versionConflict(ReferralRecord r) {
        return new ProblemException(
                409,
                ProblemTypes.CONCURRENT_UPDATE,
                "Concurrent update",
                "the referral is at version " + r.version + " (state " + r.state + "); read it again and retry",
                null,
                Map.of("state", r.state.name(), "version", r.version));
    }

    static ProblemException unprocessable(String field, String message) {
        return ProblemException.unprocessable(
                "Unprocessable", field + ": " + message, List.of(new Problem.FieldError(field, message)), null);
    }

    static PartyType partyType(Caller caller) {
        return PartyType.valueOf(caller.type().name());
    }

    private static String role(Caller caller) {
        if (caller.hasRole(Caller.ROLE_HEAD)) {
            return Caller.ROLE_HEAD;
        }
        return caller.hasRole(Caller.ROLE_ADMIN) ? Caller.ROLE_ADMIN : Caller.ROLE_OFFICER;
    }

    /**
     * The evidences of delivery of a referral: SEND is the suite's acceptance of it for the police,
     * RECEIVE the police's receipt by a person (Decree 310 art. 7), each signed for the sender.
     */
    private Uni<Void> deliveryEvidence(ReferralRecord r, ReferralStep step, Caller caller, String eventId, Instant at) {
        DeliveryEvidences.Type type = switch (step) {
            case SEND -> DeliveryEvidences.Type.SUBMISSION_ACCEPTANCE;
            case RECEIVE -> DeliveryEvidences.Type.RETRIEVAL;
            default -> null;
        };
        String addressee = step == ReferralStep.RECEIVE ? caller.agencyCode() : r.policeCode;
        if (type == null || addressee == null) {
            return Uni.createFrom().voidItem();
        }
        return evidences
                .issue(
                        type,
                        EVIDENCE_SUBJECT,
                        r.id.toString(),
                        r.agencyCode,
                        addressee,
                        caller.user(),
                        eventId,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .replaceWithVoid();
    }

    /** The signed evidences of delivery of the referral, for whoever may read it. */
    public Uni<List<DeliveryEvidenceRecord>> evidences(Caller caller, UUID id) {
        return Panache.withSession(() -> load(caller, id)).chain(r -> evidences.of(EVIDENCE_SUBJECT, r.id.toString()));
    }

    /**
     * Puts the digests of a step's attachments into the case's tamper-evident record: the step's
     * event does not carry them, and they are what makes the documents verifiable later.
     */
    private Uni<Void> chainAttachments(
            ReferralRecord r, String step, String eventId, List<AttachmentInput> attachments) {
        if (attachments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ObjectNode entry = mapper.createObjectNode()
                .put("kind", "attachment-digests")
                .put("referralId", r.id.toString())
                .put("step", step)
                .put("eventId", eventId);
        var list = entry.putArray("attachments");
        attachments.forEach(a -> list.addObject()
                .put("kind", a.kind().name())
                .put("title", a.title())
                .put("sha256", a.sha256().toLowerCase(java.util.Locale.ROOT)));
        return chain.append(r.caseId.toString(), "attachment-digests", eventId, entry)
                .replaceWithVoid();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
