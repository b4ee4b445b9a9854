package org.xianjie.referral.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether an act was entered late: recorded after the end of the N-th working day after the day it
 * happened (N configurable, by default 1: an act of Friday afternoon keyed on Monday is in time, one
 * keyed on Tuesday is late). Working days come from the same calendar as the time limits, so
 * Spring Festival and make-up working days count as they do for deadlines.
 */
public final class EntryLateness {

    private final TimeLimit allowance;

    public EntryLateness(int workingDays) {
        this.allowance = new TimeLimit(
                "ENTRY", workingDays, LimitUnit.WORKING_DAYS, "xianjie.data-quality.late-after-working-days");
    }

    /** {@code recordedAt − occurredAt}; never negative (a clock a little ahead counts as no delay). */
    public static Duration delay(Instant occurredAt, Instant recordedAt) {
        Duration d = Duration.between(occurredAt, recordedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The last instant at which the act could be entered in time. */
    public Instant enterBy(Instant occurredAt, DeadlineClock clock) {
        return clock.dueFor(Objects.requireNonNull(occurredAt, "occurredAt"), allowance)
                .dueAt();
    }

    public boolean isLate(Instant occurredAt, Instant recordedAt, DeadlineClock clock) {
        return recordedAt.isAfter(enterBy(occurredAt, clock));
    }

    public int workingDays() {
        return allowance.amount();
    }
}
