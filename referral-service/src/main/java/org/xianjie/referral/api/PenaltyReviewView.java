package org.xianjie.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.xianjie.referral.domain.review.PenaltyReview;
import org.xianjie.referral.domain.review.ReviewOutcome;

/** One review of a penalty decision: who reviewed which decision, when, what it found, and the lead it raised. */
public record PenaltyReviewView(
        UUID id,
        UUID caseId,
        LocalDate decisionDate,
        String procuratorate,
        ReviewOutcome outcome,
        String note,
        String reviewedBy,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        UUID leadId) {

    public static PenaltyReviewView of(PenaltyReview r) {
        return new PenaltyReviewView(
                r.id(),
                r.caseId(),
                r.decisionDate(),
                r.procuratorate(),
                r.outcome(),
                r.note(),
                r.reviewedBy(),
                r.occurredAt(),
                r.recordedAt(),
                r.leadId());
    }
}
