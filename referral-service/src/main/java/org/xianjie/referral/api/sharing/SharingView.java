package org.xianjie.referral.api.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.service.sharing.SharedItem;

/**
 * A shared item as its sender or an addressee sees it. {@code content} holds the kind's own fields
 * (a clue's what, who, where and evidence digests; a bulletin's basis and grounds; a consultation's
 * question; a meeting's agenda, minutes and decisions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharingView(
        UUID id,
        String kind,
        String title,
        String region,
        String sender,
        String state,
        JsonNode content,
        UUID caseId,
        String caseNumber,
        UUID referralId,
        UUID linkedCaseId,
        List<Addressee> addressees,
        List<Task> tasks,
        List<Limit> deadlines,
        List<Entry> history,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {

    public record Addressee(
            String agency,
            String state,
            String forwardedFrom,
            OffsetDateTime readAt,
            OffsetDateTime repliedAt,
            String reply) {}

    public record Task(
            UUID id,
            String assignee,
            String description,
            LocalDate dueOn,
            String state,
            String result,
            OffsetDateTime doneAt) {}

    public record Limit(
            String code,
            String description,
            String responsibleAgency,
            UUID taskId,
            OffsetDateTime countedFrom,
            OffsetDateTime dueAt,
            OffsetDateTime remindedAt,
            OffsetDateTime breachedAt,
            OffsetDateTime closedAt,
            boolean overdue,
            String warnings) {}

    public record Entry(
            String act,
            String agency,
            String user,
            String text,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt) {}

    /** A line of a list: no history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            UUID id,
            String kind,
            String title,
            String sender,
            String state,
            UUID caseId,
            String caseNumber,
            OffsetDateTime occurredAt) {
        static Summary of(SharingItemRecord i) {
            return new Summary(
                    i.id, i.kind.name(), i.title, i.senderAgency, i.state, i.caseId, i.caseNumber, i.occurredAt);
        }
    }

    static SharingView of(SharedItem s, ObjectMapper mapper, Instant now) {
        SharingItemRecord i = s.item();
        return new SharingView(
                i.id,
                i.kind.name(),
                i.title,
                i.region,
                i.senderAgency,
                i.state,
                json(mapper, i.content),
                i.caseId,
                i.caseNumber,
                i.referralId,
                i.linkedCaseId,
                s.addressees().stream()
                        .map(a -> new Addressee(
                                a.agencyCode, a.state.name(), a.forwardedFrom, a.readAt, a.repliedAt, a.reply))
                        .toList(),
                s.tasks().stream()
                        .map(t -> new Task(t.id, t.assignee, t.description, t.dueOn, t.state, t.result, t.doneAt))
                        .toList(),
                s.deadlines().stream()
                        .map(d -> new Limit(
                                d.code,
                                SharingLimits.description(d.code),
                                d.responsibleAgency,
                                d.taskId,
                                d.countedFrom,
                                d.dueAt,
                                d.remindedAt,
                                d.breachedAt,
                                d.closedAt,
                                d.isOpen() && d.dueAt.toInstant().isBefore(now),
                                d.warnings))
                        .toList(),
                s.entries().stream()
                        .map(e -> new Entry(e.act, e.actorAgency, e.actorUser, e.text, e.occurredAt, e.recordedAt))
                        .toList(),
                i.occurredAt,
                i.recordedAt);
    }

    private static JsonNode json(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is not JSON", e);
        }
    }
}
