package org.xianjie.referral.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.persistence.LeadRecord;

/**
 * A supervision lead (监督线索) with what raised it and, for threshold leads, the rule set, the rule
 * and the figures that fired.
 */
public record LeadView(
        UUID id,
        LeadRecord.Origin origin,
        UUID reviewId,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String agency,
        String procuratorate,
        LeadRecord.State state,
        String ruleSet,
        String valuesFrom,
        String offence,
        String conditionId,
        String condition,
        String figure,
        BigDecimal value,
        BigDecimal threshold,
        JsonNode grounds,
        LocalDate decisionDate,
        String reason,
        String decidedBy,
        OffsetDateTime decidedAt,
        OffsetDateTime raisedAt,
        ReferralRequest referralRequest,
        long version) {

    /**
     * 监督移送: an escalated lead's request that the agency refer the case. {@code state} is
     * {@code REQUESTED} (within the limit), {@code OVERDUE} (limit passed, no referral) or
     * {@code REFERRED} (the agency opened {@code referralId}).
     */
    public record ReferralRequest(
            String state,
            OffsetDateTime requestedAt,
            OffsetDateTime dueAt,
            List<String> warnings,
            UUID referralId,
            OffsetDateTime referredAt,
            OffsetDateTime overdueAt) {
        static ReferralRequest of(LeadRecord l) {
            if (l.referralRequestedAt == null) {
                return null;
            }
            String state = l.referralId != null ? "REFERRED" : l.referralOverdueAt != null ? "OVERDUE" : "REQUESTED";
            return new ReferralRequest(
                    state,
                    l.referralRequestedAt,
                    l.referralDueAt,
                    l.referralDueWarnings == null ? List.of() : List.of(l.referralDueWarnings.split("\n")),
                    l.referralId,
                    l.referredAt,
                    l.referralOverdueAt);
        }
    }

    public static LeadView of(LeadRecord l, JsonNode grounds) {
        return new LeadView(
                l.id,
                l.origin,
                l.reviewId,
                l.caseId,
                l.caseNumber,
                l.caseTitle,
                l.category,
                l.region,
                l.agencyCode,
                l.procuratorateCode,
                l.state,
                l.ruleSet,
                l.valuesFrom,
                l.offence,
                l.conditionId,
                l.conditionText,
                l.figure,
                l.figureValue,
                l.threshold,
                grounds,
                l.decisionDate,
                l.reason,
                l.decidedBy,
                l.decidedAt,
                l.raisedAt,
                ReferralRequest.of(l),
                l.version);
    }
}
