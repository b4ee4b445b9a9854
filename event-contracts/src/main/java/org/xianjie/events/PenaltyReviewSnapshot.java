package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 行政处罚决定审查: a procuratorate reviewed a penalty decision of a case in its region or beneath
 * it. {@code outcome} is {@code NO_ISSUE}, {@code LEAD_RAISED} or {@code PROCURATORIAL_ADVICE};
 * {@code occurredAt} is when the review was made, {@code recordedAt} when the suite learned of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PenaltyReviewSnapshot(
        UUID reviewId,
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String agency,
        LocalDate decisionDate,
        String procuratorate,
        String outcome,
        String note,
        String reviewedBy,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {}
