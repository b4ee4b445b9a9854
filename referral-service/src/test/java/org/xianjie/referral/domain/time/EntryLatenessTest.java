package org.xianjie.referral.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** "Entered late" = recorded after the end of the first working day after the act (default threshold). */
class EntryLatenessTest {

    private static final DeadlineClock CLOCK = new DeadlineClock(WorkingCalendar.loadDefault(), DeadlineClock.CHINA);
    private static final EntryLateness ONE_WORKING_DAY = new EntryLateness(1);

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    @Test
    void fridayActKeyedOnMondayIsInTimeOnTuesdayLate() {
        Instant friday = at("2026-03-06T15:00:00+08:00");
        assertThat(ONE_WORKING_DAY.isLate(friday, at("2026-03-09T23:00:00+08:00"), CLOCK))
                .isFalse();
        assertThat(ONE_WORKING_DAY.isLate(friday, at("2026-03-10T08:00:00+08:00"), CLOCK))
                .isTrue();
    }

    @Test
    void springFestivalAndMakeUpDaysCountAsTheyDoForDeadlines() {
        // Fri 13 Feb 2026: the next working day is the make-up Saturday 14 Feb.
        assertThat(ONE_WORKING_DAY.enterBy(at("2026-02-13T10:00:00+08:00"), CLOCK))
                .isEqualTo(at("2026-02-14T23:59:59.999999+08:00"));
        // Sat 14 Feb (make-up day): the holidays follow, the next working day is Tue 24 Feb.
        Instant makeUpDay = at("2026-02-14T16:00:00+08:00");
        assertThat(ONE_WORKING_DAY.isLate(makeUpDay, at("2026-02-24T18:00:00+08:00"), CLOCK))
                .isFalse();
        assertThat(ONE_WORKING_DAY.isLate(makeUpDay, at("2026-02-25T09:00:00+08:00"), CLOCK))
                .isTrue();
    }

    @Test
    void delayIsRecordedMinusOccurredAndNeverNegative() {
        assertThat(EntryLateness.delay(at("2026-03-06T15:00:00+08:00"), at("2026-03-07T09:00:00+08:00")))
                .isEqualTo(Duration.ofHours(18));
        assertThat(EntryLateness.delay(at("2026-03-06T15:00:01+08:00"), at("2026-03-06T15:00:00+08:00")))
                .isEqualTo(Duration.ZERO);
    }
}
