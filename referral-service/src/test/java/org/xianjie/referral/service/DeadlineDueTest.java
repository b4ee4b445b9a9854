package org.xianjie.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.persistence.DeadlineRecord;

/** When the worker reminds and breaches a deadline it holds under the referral's lock. */
class DeadlineDueTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aReminderIsDueFromItsTimeUntilTheLimitEndsOnce() {
        assertThat(DueDeadlines.reminderDue(deadline(DeadlineKind.DUTY, -60, 60), NOW))
                .isTrue();
        assertThat(DueDeadlines.reminderDue(deadline(DeadlineKind.DUTY, 0, 0), NOW))
                .as("both at now")
                .isTrue();
        assertThat(DueDeadlines.reminderDue(deadline(DeadlineKind.DUTY, 1, 60), NOW))
                .as("not yet")
                .isFalse();
        assertThat(DueDeadlines.reminderDue(deadline(DeadlineKind.DUTY, -120, -1), NOW))
                .as("limit over")
                .isFalse();
        DeadlineRecord reminded = deadline(DeadlineKind.DUTY, -60, 60);
        reminded.remindedAt = at(-5);
        assertThat(DueDeadlines.reminderDue(reminded, NOW)).isFalse();
        DeadlineRecord closed = deadline(DeadlineKind.DUTY, -60, 60);
        closed.closedAt = at(-5);
        assertThat(DueDeadlines.reminderDue(closed, NOW)).isFalse();
    }

    @Test
    void onlyAnOpenDutyPastItsEndBreachesAndOnlyOnce() {
        assertThat(DeadlineWorker.breachDue(deadline(DeadlineKind.DUTY, -120, -1), NOW))
                .isTrue();
        assertThat(DeadlineWorker.breachDue(deadline(DeadlineKind.DUTY, -120, 0), NOW))
                .as("at the end: in time")
                .isFalse();
        assertThat(DeadlineWorker.breachDue(deadline(DeadlineKind.WINDOW, -120, -1), NOW))
                .as("a window lapses")
                .isFalse();
        DeadlineRecord breached = deadline(DeadlineKind.DUTY, -120, -1);
        breached.breachedAt = at(-1);
        assertThat(DeadlineWorker.breachDue(breached, NOW)).isFalse();
        DeadlineRecord closed = deadline(DeadlineKind.DUTY, -120, -1);
        closed.closedAt = at(0);
        assertThat(DeadlineWorker.breachDue(closed, NOW)).isFalse();
    }

    private static DeadlineRecord deadline(DeadlineKind kind, long reminderSeconds, long dueSeconds) {
        DeadlineRecord d = new DeadlineRecord();
        d.kind = kind;
        d.reminderAt = at(reminderSeconds);
        d.dueAt = at(dueSeconds);
        return d;
    }

    private static OffsetDateTime at(long secondsFromNow) {
        return OffsetDateTime.ofInstant(NOW.plus(Duration.ofSeconds(secondsFromNow)), ZoneOffset.UTC);
    }
}
