package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 线索: a supervision lead raised for the procuratorate of a region when a penalty decision's
 * amounts reach the criminal filing threshold and no referral exists (possible 以罚代刑).
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
        OffsetDateTime occurredAt) {
}
