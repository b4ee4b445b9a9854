package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.xianjie.platform.identity.Caller;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralStateMachine;
import org.xianjie.referral.domain.process.ReferralStep;
import org.xianjie.referral.domain.time.EntryLateness;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.HistoryRecord;
import org.xianjie.referral.persistence.ReferralRecord;

/** Turns stored referrals into what their readers see. */
@ApplicationScoped
public class ReferralViews {

    private static final TypeReference<List<AttachmentInput>> ATTACHMENTS = new TypeReference<>() {};

    private final ReferralStateMachine machine;
    private final Snapshots snapshots;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ActEntries acts;

    public ReferralViews(
            ReferralStateMachine machine, Snapshots snapshots, ObjectMapper mapper, Clock clock, ActEntries acts) {
        this.acts = acts;
        this.machine = machine;
        this.snapshots = snapshots;
        this.mapper = mapper;
        this.clock = clock;
    }

    public ReferralView view(
            Caller caller, ReferralRecord r, List<DeadlineRecord> deadlines, List<HistoryRecord> history) {
        Instant now = clock.instant();
        return new ReferralView(
                r.id,
                r.caseId,
                r.caseNumber,
                r.caseTitle,
                r.category,
                r.region,
                r.state,
                parties(r),
                lines(r.caseTeam),
                allowedSteps(caller, r),
                deadlines.stream()
                        .filter(DeadlineRecord::isOpen)
                        .map(d -> deadline(d, now))
                        .toList(),
                deadlines.stream()
                        .filter(d -> !d.isOpen())
                        .map(d -> deadline(d, now))
                        .toList(),
                history.stream().map(this::history).toList(),
                r.caseConflict,
                r.createdAt,
                r.updatedAt,
                r.version);
    }

    public ReferralSummary summary(ReferralRecord r, List<DeadlineRecord> open) {
        Instant now = clock.instant();
        OffsetDateTime next =
                open.stream().map(d -> d.dueAt).min(Comparator.naturalOrder()).orElse(null);
        return new ReferralSummary(
                r.id,
                r.caseId,
                r.caseNumber,
                r.caseTitle,
                r.region,
                r.state,
                parties(r),
                open.stream().anyMatch(d -> Snapshots.overdue(d, now)),
                next,
                r.updatedAt,
                r.version);
    }

    /** The steps the caller's agency may take now: right party type, right role and the right agency. */
    public List<ReferralStep> allowedSteps(Caller caller, ReferralRecord r) {
        PartyType type = PartyType.valueOf(caller.type().name());
        if (!ReferralAccess.canAct(ReferralService.viewer(caller), r.access())) {
            return List.of();
        }
        return machine.allowedSteps(r.state, type, caller.roles());
    }

    static ReferralView.Parties parties(ReferralRecord r) {
        return new ReferralView.Parties(r.agencyCode, r.policeCode, r.procuratorateCode, r.courtCode, r.forwardedFrom);
    }

    private ReferralView.DeadlineView deadline(DeadlineRecord d, Instant now) {
        return new ReferralView.DeadlineView(
                d.code,
                snapshots.describe(d.code),
                d.party,
                d.responsibleAgency,
                d.kind,
                d.countedFrom,
                d.dueAt,
                d.reminderAt,
                Snapshots.overdue(d, now),
                Snapshots.lapsed(d, now),
                d.remindedAt,
                d.breachedAt,
                d.closedAt,
                d.closedBy,
                lines(d.warnings),
                d.openedAt,
                d.enteredLate());
    }

    private ReferralView.HistoryView history(HistoryRecord h) {
        return new ReferralView.HistoryView(
                h.step,
                h.fromState,
                h.toState,
                h.actorAgency,
                h.actorUser,
                h.actorRole,
                h.reason,
                h.note,
                h.targetAgency,
                attachments(h.attachments),
                lines(h.remarks),
                h.occurredAt,
                h.recordedAt,
                EntryLateness.delay(h.occurredAt.toInstant(), h.recordedAt.toInstant())
                        .toString(),
                acts.isLate(h.occurredAt.toInstant(), h.recordedAt.toInstant()));
    }

    private List<AttachmentInput> attachments(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments are not valid JSON", e);
        }
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty()
                ? List.of()
                : Arrays.stream(text.split("\n"))
                        .filter(Objects::nonNull)
                        .filter(s -> !s.isBlank())
                        .toList();
    }
}
