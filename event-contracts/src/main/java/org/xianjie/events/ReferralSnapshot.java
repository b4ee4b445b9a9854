package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of every referral step event: what happened ({@code step}, {@code actor},
 * {@code reason}) and the referral as it stands afterwards, including its parties and open
 * deadlines, so that consumers can route and display without calling back.
 * {@code deadline} is set on reminder and breach events: the limit concerned.
 * {@code occurredAt} is when the act happened (stated by the acting agency, else the time of the
 * request; for reminder and breach events the moment they fire), {@code recordedAt} when the suite
 * recorded it; limits count from {@code occurredAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralSnapshot(
        UUID referralId,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String state,
        String step,
        Actor actor,
        String reason,
        Parties parties,
        List<OpenDeadline> deadlines,
        OpenDeadline deadline,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        long version) {

    /** Who took the step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String agencyCode, String agencyType, String user, String role) {}

    /** The agencies party to the referral; null where not yet known (e.g. the court before prosecution). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parties(String agency, String police, String procuratorate, String court) {
        public List<String> all() {
            return java.util.stream.Stream.of(agency, police, procuratorate, court)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
        }
    }

    /**
     * A statutory time limit running on the referral: which, who must act, and when it ends.
     * {@code countedFrom} is the act it counts from; {@code enteredLate} is true when that act was
     * entered after the limit had already passed (the breach is then announced at once), absent
     * otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenDeadline(
            String code,
            String description,
            String responsibleAgency,
            OffsetDateTime dueAt,
            boolean overdue,
            OffsetDateTime countedFrom,
            Boolean enteredLate) {

        public OpenDeadline(
                String code, String description, String responsibleAgency, OffsetDateTime dueAt, boolean overdue) {
            this(code, description, responsibleAgency, dueAt, overdue, null, null);
        }
    }
}
