package org.xianjie.referral.domain.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A penalty decision as referral-service knows it from case events, with its reviews: {@code reviewed}
 * is true when its current decision (by {@code decisionDate}) has a review.
 */
public record PenaltyDecision(
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String agency,
        LocalDate decisionDate,
        boolean reviewed,
        List<PenaltyReview> reviews) {}
