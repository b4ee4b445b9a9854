package org.xianjie.referral.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.persistence.LeadRecord;

/**
 * A supervision lead (监督线索) with what raised it and, for threshold leads, the rule set, the rule
 * and the figures that fired.
 */
public record LeadView(UUID id, LeadRecord.Origin origin, UUID reviewId, UUID caseId, String caseNumber, String caseTitle, String category, String region,
                       String agency, String procuratorate, LeadRecord.State state, String ruleSet, String valuesFrom,
                       String offence, String conditionId, String condition, String figure, BigDecimal value,
                       BigDecimal threshold, JsonNode grounds, LocalDate decisionDate, String reason,
                       String decidedBy, OffsetDateTime decidedAt, OffsetDateTime raisedAt, long version) {

    public static LeadView of(LeadRecord l, JsonNode grounds) {
        return new LeadView(l.id, l.origin, l.reviewId, l.caseId, l.caseNumber, l.caseTitle, l.category, l.region, l.agencyCode,
                l.procuratorateCode, l.state, l.ruleSet, l.valuesFrom, l.offence, l.conditionId, l.conditionText,
                l.figure, l.figureValue, l.threshold, grounds, l.decisionDate, l.reason, l.decidedBy, l.decidedAt,
                l.raisedAt, l.version);
    }
}
