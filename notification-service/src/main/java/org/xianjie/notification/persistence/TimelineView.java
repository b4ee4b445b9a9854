package org.xianjie.notification.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A referral's timeline (移送进程): its parties, open deadlines (overdue ones flagged) and every step so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(
        UUID referralId,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String state,
        Parties parties,
        List<Deadline> deadlines,
        List<Entry> steps) {

    public record Parties(String agency, String police, String procuratorate, String court) {}

    /** An open time limit; {@code overdue} when its end has passed. */
    public record Deadline(
            String code, String description, String responsibleAgency, OffsetDateTime dueAt, boolean overdue) {}

    /**
     * One event of the referral: a step, or a reminder or breach of a time limit ({@code deadline}).
     * {@code occurredAt} is when the act happened, {@code recordedAt} when it was entered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            String eventType,
            String step,
            String state,
            String actorAgency,
            String actorUser,
            String reason,
            JsonNode deadline,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt) {}
}
