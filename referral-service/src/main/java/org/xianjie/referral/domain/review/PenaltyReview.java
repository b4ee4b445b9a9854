package org.xianjie.referral.domain.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One review of a penalty decision (行政处罚决定审查): who reviewed which decision, when, and what it
 * found; {@code leadId} names the lead a LEAD_RAISED review raised or confirmed, else null.
 */
public record PenaltyReview(
        UUID id,
        UUID caseId,
        LocalDate decisionDate,
        String procuratorate,
        ReviewOutcome outcome,
        String note,
        String reviewedBy,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        UUID leadId) {}
