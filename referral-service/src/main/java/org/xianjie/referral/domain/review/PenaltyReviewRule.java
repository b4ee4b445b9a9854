package org.xianjie.referral.domain.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a review of a penalty decision may be dated. Pure: a review happens after the decision it
 * reviews (on or after the decision date, local time) and not in the future; a review keyed late
 * keeps the time it was made, so the delay stays visible.
 */
public final class PenaltyReviewRule {

    private PenaltyReviewRule() {}

    /** The problem with {@code occurredAt}, or empty when it may stand. */
    public static Optional<String> checkOccurredAt(
            Instant occurredAt, LocalDate decisionDate, Instant now, ZoneId zone) {
        if (occurredAt.isAfter(now)) {
            return Optional.of("must not be in the future");
        }
        if (decisionDate != null && LocalDate.ofInstant(occurredAt, zone).isBefore(decisionDate)) {
            return Optional.of("must not be before the penalty decision of " + decisionDate);
        }
        return Optional.empty();
    }
}
