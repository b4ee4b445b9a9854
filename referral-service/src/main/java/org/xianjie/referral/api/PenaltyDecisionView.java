package org.xianjie.referral.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.xianjie.referral.domain.review.PenaltyDecision;

/**
 * A penalty decision as referral-service knows it from case events, with its review state:
 * {@code reviewed} is true when its current decision (by {@code decisionDate}) has a review;
 * {@code reviews} lists every review of the case, oldest first.
 */
public record PenaltyDecisionView(
        UUID caseId,
        String caseNumber,
        String caseTitle,
        String category,
        String region,
        String agency,
        LocalDate decisionDate,
        boolean reviewed,
        List<PenaltyReviewView> reviews) {

    public static PenaltyDecisionView of(PenaltyDecision d) {
        return new PenaltyDecisionView(
                d.caseId(),
                d.caseNumber(),
                d.caseTitle(),
                d.category(),
                d.region(),
                d.agency(),
                d.decisionDate(),
                d.reviewed(),
                d.reviews().stream().map(PenaltyReviewView::of).toList());
    }
}
