package org.xianjie.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.EvidenceRecord;
import org.xianjie.cases.persistence.TimelineRecord;
import org.xianjie.cases.persistence.TimelineRepository;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.EventSources;
import org.xianjie.events.Topics;
import org.xianjie.platform.integrity.RecordChain;
import org.xianjie.platform.outbox.Outbox;

/**
 * Announces a change of a case: its CloudEvent (with the full {@link CaseSnapshot}) goes to the
 * outbox, keyed by case id, and its timeline entry is written, both in the caller's transaction.
 */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;
    private final TimelineRepository timeline;
    private final PartyCodec parties;
    private final RecordChain chain;
    private final ObjectMapper mapper;

    public CaseEvents(
            Outbox outbox, TimelineRepository timeline, PartyCodec parties, RecordChain chain, ObjectMapper mapper) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.parties = parties;
        this.chain = chain;
        this.mapper = mapper;
    }

    /**
     * Puts an evidence item's SHA-256 into the case's tamper-evident record: the evidence-added event
     * carries only the count, and the digest is what makes the file verifiable later.
     */
    public Uni<Void> chainEvidence(EvidenceRecord e) {
        ObjectNode entry = mapper.createObjectNode()
                .put("kind", "evidence-digest")
                .put("caseId", e.caseId.toString())
                .put("evidenceId", e.id.toString())
                .put("type", e.type.name())
                .put("sha256", e.sha256)
                .put("recordedBy", e.recordedBy)
                .put("recordedAt", e.recordedAt.toInstant().toString());
        return chain.append(e.caseId.toString(), "evidence-digest", e.id.toString(), entry)
                .replaceWithVoid();
    }

    /** Call after the change was flushed, so that the snapshot carries the new version. */
    public Uni<CloudEvent> announce(
            CaseRecord c, String type, String actorAgency, String actorUser, String action, String summary) {
        OffsetDateTime now = CaseService.now();
        return announce(c, type, actorAgency, actorUser, action, summary, now, now);
    }

    /** An agency's act that happened at {@code occurredAt} and is recorded at {@code recordedAt}. */
    public Uni<CloudEvent> announce(
            CaseRecord c,
            String type,
            String actorAgency,
            String actorUser,
            String action,
            String summary,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt) {
        CloudEvent event =
                outbox.newEvent(EventSources.CASE_SERVICE, type, "cases/" + c.id, snapshot(c, occurredAt, recordedAt));
        return outbox.append(Topics.CASE_EVENTS, c.id.toString(), event)
                .call(e -> note(c, actorAgency, actorUser, action, summary, e.type(), e.id(), occurredAt, recordedAt));
    }

    /** A timeline entry without an event of its own (e.g. a referral step learned from referral-service). */
    public Uni<TimelineRecord> note(
            CaseRecord c,
            String actorAgency,
            String actorUser,
            String action,
            String summary,
            String eventType,
            String eventId,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt) {
        TimelineRecord t = new TimelineRecord();
        t.caseId = c.id;
        t.recordedAt = recordedAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : recordedAt;
        t.occurredAt = occurredAt == null ? t.recordedAt : occurredAt;
        t.actorAgency = actorAgency;
        t.actorUser = actorUser;
        t.action = action;
        t.summary = summary;
        t.eventType = eventType;
        t.eventId = eventId;
        return timeline.persist(t);
    }

    CaseSnapshot snapshot(CaseRecord c, OffsetDateTime occurredAt, OffsetDateTime recordedAt) {
        CaseSnapshot.Amounts amounts = new CaseSnapshot.Amounts(
                c.illegalBusinessVolume,
                c.illegalGains,
                c.sales,
                c.unsoldGoodsValue,
                c.copies,
                c.marks,
                c.lossOrGains,
                c.serviceMark,
                c.onlineWorks,
                c.downloads,
                c.clicks,
                c.registeredMembers);
        CaseSnapshot.Penalty penalty = c.penaltyDecisionNumber == null
                ? null
                : new CaseSnapshot.Penalty(
                        c.penaltyDecisionNumber,
                        c.penaltyDecisionDate,
                        c.penaltyFine,
                        c.penaltyConfiscation,
                        c.penaltyOtherMeasures,
                        c.penaltyRevokedAt == null
                                ? null
                                : new CaseSnapshot.Revocation(c.penaltyRevocationReason, c.penaltyRevokedAt));
        return new CaseSnapshot(
                c.id,
                c.agencyCode,
                c.caseNumber,
                c.category.name(),
                c.region,
                c.title,
                c.state.name(),
                amounts,
                penalty,
                parties.identityHashes(c.parties),
                c.evidenceCount,
                c.version,
                occurredAt,
                recordedAt);
    }
}
