package org.xianjie.referral.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;

/**
 * A referral as its parties see it: where it stands, who takes part, what the caller may do now,
 * the time limits running (with due times and overdue flags) and the full history.
 */
public record ReferralView(
        UUID id,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        ReferralState state,
        Parties parties,
        List<String> caseTeam,
        List<ReferralStep> allowedSteps,
        List<DeadlineView> deadlines,
        List<DeadlineView> settledDeadlines,
        List<HistoryView> history,
        String caseConflict,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    /** The agencies taking part; {@code forwardedFrom} is the police that forwarded the case (转送). */
    public record Parties(String agency, String police, String procuratorate, String court, String forwardedFrom) {}

    /**
     * A time limit. {@code overdue}: a duty past its end (超期); {@code lapsed}: a window (e.g. the
     * agency's 3 days to ask for reconsideration) that ended unused, which is not a breach.
     * {@code countedFrom} is the act it counts from, {@code openedAt} when that act was recorded;
     * {@code enteredLate}: the act was entered after the limit had already passed.
     */
    public record DeadlineView(
            String code,
            String description,
            PartyType party,
            String responsibleAgency,
            DeadlineKind kind,
            OffsetDateTime countedFrom,
            OffsetDateTime dueAt,
            OffsetDateTime reminderAt,
            boolean overdue,
            boolean lapsed,
            OffsetDateTime remindedAt,
            OffsetDateTime breachedAt,
            OffsetDateTime closedAt,
            String closedBy,
            List<String> warnings,
            OffsetDateTime openedAt,
            boolean enteredLate) {}

    /**
     * One step taken: who, what, when, why. {@code occurredAt} is when the act happened,
     * {@code recordedAt} when it was entered, {@code entryDelay} the difference (ISO-8601 duration)
     * and {@code enteredLate} whether that exceeds the working-day threshold.
     */
    public record HistoryView(
            ReferralStep step,
            ReferralState from,
            ReferralState to,
            String actorAgency,
            String actorUser,
            String actorRole,
            String reason,
            String note,
            String targetAgency,
            List<AttachmentInput> attachments,
            List<String> remarks,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt,
            String entryDelay,
            boolean enteredLate) {}
}
