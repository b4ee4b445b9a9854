package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 线索: a supervision lead raised for the procuratorate of a region when a penalty decision's
 * amounts reach the criminal filing threshold and no referral exists (possible 以罚代刑).
 * {@code origin} says what raised it: {@code THRESHOLD_SCREENING} (a new decision),
 * {@code RULE_SET_RESCREENING} (a past decision screened again under the rule set {@code ruleSet}
 * when that set was added or changed) or {@code PENALTY_REVIEW} (a review, {@code reviewId}, with
 * outcome LEAD_RAISED; no rule fields). Absent on events from before origins existed: read it as
 * {@code THRESHOLD_SCREENING}. {@code NO_PENALTY_AFTER_RETURN} is the reverse direction: a case
 * handed back for administrative handling got no penalty decision within the limit. An escalated
 * lead carries {@code referralDueAt}, when the agency's time to refer ends, and, once the agency
 * referred, {@code referralId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadSnapshot(
        UUID leadId,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String agency,
        String procuratorate,
        String state,
        String ruleSet,
        String offence,
        String condition,
        String figure,
        BigDecimal value,
        BigDecimal threshold,
        String reason,
        OffsetDateTime occurredAt,
        String origin,
        UUID reviewId,
        OffsetDateTime referralDueAt,
        UUID referralId) {

    /** A threshold lead as the first contract version announced it. */
    public LeadSnapshot(
            UUID leadId,
            UUID caseId,
            String caseNumber,
            String caseTitle,
            String category,
            String region,
            String agency,
            String procuratorate,
            String state,
            String ruleSet,
            String offence,
            String condition,
            String figure,
            BigDecimal value,
            BigDecimal threshold,
            String reason,
            OffsetDateTime occurredAt) {
        this(
                leadId,
                caseId,
                caseNumber,
                caseTitle,
                category,
                region,
                agency,
                procuratorate,
                state,
                ruleSet,
                offence,
                condition,
                figure,
                value,
                threshold,
                reason,
                occurredAt,
                null,
                null,
                null,
                null);
    }
}
