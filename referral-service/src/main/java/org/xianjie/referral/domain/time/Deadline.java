package org.xianjie.referral.domain.time;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a time limit runs out (期限届满).
 *
 * @param dueAt    the last instant at which acting is still in time (inclusive): for hour limits
 *                 the exact hour; for day, working-day and month limits 23:59:59.999999 local time
 *                 of the last day, see {@link DeadlineClock}
 * @param warnings why the result may be wrong, e.g. a day outside the working calendar's years
 *                 was counted as Monday to Friday; empty when the computation is sound
 */
public record Deadline(Instant dueAt, List<String> warnings) {

    public Deadline {
        Objects.requireNonNull(dueAt, "dueAt");
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
