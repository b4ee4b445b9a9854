package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A shared item (bulletin, clue, consultation, early intervention or joint meeting) after one act
 * on it: who sent it, who it is addressed to, what was done and by whom. Consumers ignore fields
 * they do not know.
 *
 * @param kind           BULLETIN, CLUE, CONSULTATION, EARLY_INTERVENTION or MEETING
 * @param sender         the agency that issued, sent, asked or convened
 * @param addressees     every agency the item is addressed to (participants of a meeting)
 * @param newAddressees  agencies this act added (a clue forwarded to them), else empty
 * @param actor          the agency that took this act
 * @param text           the act's own words: a reply, reasons, guidance, minutes, a follow-up
 * @param linkedCaseId   the case opened from a clue
 * @param deadline       the limit this act opened, or the one a reminder or breach is about
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SharingSnapshot(
        UUID itemId,
        String kind,
        String act,
        String title,
        String region,
        String sender,
        List<String> addressees,
        List<String> newAddressees,
        String actor,
        String actorUser,
        String state,
        String text,
        UUID caseId,
        String caseNumber,
        UUID referralId,
        UUID linkedCaseId,
        UUID taskId,
        Deadline deadline,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {

    /** A reply limit or task deadline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadline(
            String code,
            String description,
            String responsibleAgency,
            UUID taskId,
            OffsetDateTime countedFrom,
            OffsetDateTime dueAt,
            boolean overdue) {}
}
