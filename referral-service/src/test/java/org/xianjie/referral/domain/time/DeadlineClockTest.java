package org.xianjie.referral.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Criminal Procedure Law art. 105 applied to the 2025 and 2026 State Council calendars. */
class DeadlineClockTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.loadDefault();
    private static final DeadlineClock CLOCK = new DeadlineClock(CALENDAR, DeadlineClock.CHINA);

    private static final TimeLimit THREE_DAYS = new TimeLimit("APPROVAL", 3, LimitUnit.CALENDAR_DAYS, "国务院令第310号 第5条");
    private static final TimeLimit TEN_DAYS =
            new TimeLimit("FILING_DECISION_EXTENDED", 10, LimitUnit.CALENDAR_DAYS, "police rules");
    private static final TimeLimit TWENTY_FOUR_HOURS = new TimeLimit("SENDING", 24, LimitUnit.HOURS, "国务院令第310号 第5条");
    private static final TimeLimit TWO_MONTHS = new TimeLimit("OPINION_REPLY", 2, LimitUnit.MONTHS, "行政处罚法 第27条");
    private static final TimeLimit THREE_WORKING_DAYS =
            new TimeLimit("REVERSE_HANDOVER", 3, LimitUnit.WORKING_DAYS, "2024 guideline");
    private static final TimeLimit TEN_WORKING_DAYS =
            new TimeLimit("REVERSE_REVIEW", 10, LimitUnit.WORKING_DAYS, "2024 guideline");

    /** An instant given in Beijing time. */
    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlineClock.CHINA).toInstant();
    }

    /** The last microsecond of a Beijing day, written in UTC (Beijing is UTC+8 all year). */
    private static Instant endOfBeijingDay(String date) {
        return Instant.parse(date + "T15:59:59.999999Z");
    }

    @Test
    void threeDayLimitEndingOnNationalDayMovesToFirstWorkingDay() {
        // Report on 30 Sep 2025: day 3 is 3 Oct, inside the 1-8 Oct holiday; 9 Oct is the first working day.
        Deadline due = CLOCK.dueFor(beijing("2025-09-30T10:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2025-10-09"), due.dueAt());
        assertEquals(List.of(), due.warnings());
    }

    @Test
    void threeDayLimitEndsAtTheEndOfTheThirdDayLocalTime() {
        Deadline due = CLOCK.dueFor(beijing("2025-03-04T09:00"), THREE_DAYS); // Tuesday

        assertEquals(endOfBeijingDay("2025-03-07"), due.dueAt()); // Friday 23:59:59.999999 Beijing
    }

    @Test
    void dayOfTheReportIsNotCountedEvenLateAtNight() {
        Deadline due = CLOCK.dueFor(beijing("2025-03-03T23:59"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2025-03-06"), due.dueAt());
    }

    @Test
    void startDayIsTheBeijingDayNotTheUtcDay() {
        // 17:30 UTC on 3 March is 01:30 on 4 March in Beijing, so day 0 is 4 March.
        Deadline due = CLOCK.dueFor(Instant.parse("2025-03-03T17:30:00Z"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2025-03-07"), due.dueAt());
    }

    @Test
    void threeDayLimitEndingOnAnOrdinarySaturdayMovesToMonday() {
        Deadline due = CLOCK.dueFor(beijing("2025-03-05T15:00"), THREE_DAYS); // Wednesday → Saturday 8 March

        assertEquals(endOfBeijingDay("2025-03-10"), due.dueAt());
    }

    @Test
    void limitEndingOnMakeUpWorkingSaturdayIsNotShifted() {
        // 8 Oct 2025 is the last holiday; day 3 is Saturday 11 Oct, a make-up working day (调休上班).
        Deadline due = CLOCK.dueFor(beijing("2025-10-08T11:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2025-10-11"), due.dueAt());
    }

    @Test
    void holidaysInsideThePeriodAreCounted() {
        // 29 Apr 2025 + 10 days = Friday 9 May, although 1-5 May were holidays: only the last day shifts.
        Deadline due = CLOCK.dueFor(beijing("2025-04-29T09:00"), TEN_DAYS);

        assertEquals(endOfBeijingDay("2025-05-09"), due.dueAt());
    }

    @Test
    void threeDayLimitEndingInSpringFestival2026MovesToTheTuesdayAfter() {
        // Thursday 12 Feb 2026 + 3 = 15 Feb, first day of the 15-23 Feb holiday; 24 Feb is a Tuesday.
        Deadline due = CLOCK.dueFor(beijing("2026-02-12T16:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2026-02-24"), due.dueAt());
    }

    @Test
    void twentyFourHourLimitRunsThroughNationalDay() {
        Deadline due = CLOCK.dueFor(beijing("2025-09-30T16:30"), TWENTY_FOUR_HOURS);

        assertEquals(beijing("2025-10-01T16:30"), due.dueAt());
        assertFalse(due.hasWarnings());
    }

    @Test
    void monthLimitFromThirtyFirstJulyEndsOnThirtiethSeptember() {
        Deadline due = CLOCK.dueFor(beijing("2025-07-31T10:00"), TWO_MONTHS);

        assertEquals(endOfBeijingDay("2025-09-30"), due.dueAt());
    }

    @Test
    void monthLimitEndingOnNationalDayMovesToFirstWorkingDay() {
        Deadline due = CLOCK.dueFor(beijing("2025-08-03T10:00"), TWO_MONTHS); // 3 Oct 2025

        assertEquals(endOfBeijingDay("2025-10-09"), due.dueAt());
    }

    @Test
    void monthLimitEndingOnMakeUpSaturdayIsNotShifted() {
        // 31 Dec 2025 + 2 months = 28 Feb 2026 (no 31 Feb), a Saturday declared a working day.
        Deadline due = CLOCK.dueFor(beijing("2025-12-31T10:00"), TWO_MONTHS);

        assertEquals(endOfBeijingDay("2026-02-28"), due.dueAt());
    }

    @Test
    void threeWorkingDaysSkipNationalDayAndCountTheMakeUpSaturday() {
        // Non-prosecution on Tuesday 30 Sep 2025: working days after it are 9, 10 and 11 (Saturday, 调休) Oct.
        Deadline due = CLOCK.dueFor(beijing("2025-09-30T17:00"), THREE_WORKING_DAYS);

        assertEquals(endOfBeijingDay("2025-10-11"), due.dueAt());
    }

    @Test
    void tenWorkingDaysAcrossSpringFestival2026() {
        // From Thu 12 Feb: 13, 14 (Sat, 调休), 24, 25, 26, 27, 28 (Sat, 调休) Feb, 2, 3, 4 Mar.
        Deadline due = CLOCK.dueFor(beijing("2026-02-12T09:00"), TEN_WORKING_DAYS);

        assertEquals(endOfBeijingDay("2026-03-04"), due.dueAt());
    }

    @Test
    void workingDaysStartedOnAHolidayCountFromTheNextWorkingDay() {
        Deadline due = CLOCK.dueFor(beijing("2025-05-03T10:00"), THREE_WORKING_DAYS); // Labour Day holiday

        assertEquals(endOfBeijingDay("2025-05-08"), due.dueAt()); // 6, 7, 8 May
    }

    @Test
    void limitEndingInAYearTheCalendarDoesNotCoverFallsBackToMondayToFridayAndWarns() {
        // 30 Dec 2026 + 3 = Saturday 2 Jan 2027; the 2027 schedule is not loaded.
        Deadline due = CLOCK.dueFor(beijing("2026-12-30T10:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2027-01-04"), due.dueAt());
        assertEquals(1, due.warnings().size());
        assertTrue(due.warnings().get(0).contains("2027"), due.warnings().get(0));
    }

    @Test
    void uncoveredNationalDayIsCountedAsAWeekdayButFlagged() {
        // 3 Oct 2024 was a holiday, but 2024 is not in the calendar: the clock must not guess it.
        Deadline due = CLOCK.dueFor(beijing("2024-09-30T10:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2024-10-03"), due.dueAt());
        assertTrue(due.warnings().get(0).contains("2024"));
    }

    @Test
    void workingDaysRunningIntoAnUncoveredYearWarn() {
        // 31 Dec 2026 (covered), then 1 Jan 2027 and 4 Jan 2027 by Monday-to-Friday.
        Deadline due = CLOCK.dueFor(beijing("2026-12-30T10:00"), THREE_WORKING_DAYS);

        assertEquals(endOfBeijingDay("2027-01-04"), due.dueAt());
        assertTrue(due.hasWarnings());
    }

    @Test
    void startInAnUncoveredYearDoesNotWarnWhenEveryDayExaminedIsCovered() {
        Deadline due = CLOCK.dueFor(beijing("2024-12-30T10:00"), THREE_DAYS); // → Thursday 2 Jan 2025

        assertEquals(endOfBeijingDay("2025-01-02"), due.dueAt());
        assertFalse(due.hasWarnings());
    }

    @Test
    void hourLimitsNeverDependOnTheCalendar() {
        Deadline due = CLOCK.dueFor(beijing("2030-01-01T08:00"), TWENTY_FOUR_HOURS);

        assertEquals(beijing("2030-01-02T08:00"), due.dueAt());
        assertFalse(due.hasWarnings());
    }

    @Test
    void actingAtTheDueInstantIsInTimeAndOneMicrosecondLaterIsOverdue() {
        Deadline due = CLOCK.dueFor(beijing("2025-03-04T09:00"), THREE_DAYS);

        assertFalse(CLOCK.isOverdue(due, due.dueAt()));
        assertFalse(CLOCK.isOverdue(due, beijing("2025-03-07T23:59:59")));
        assertTrue(CLOCK.isOverdue(due, due.dueAt().plusNanos(1_000)));
        assertTrue(CLOCK.isOverdue(due, beijing("2025-03-08T00:00")));
    }

    @Test
    void dayDeadlinesFitInMicrosecondTimestamps() {
        Deadline due = CLOCK.dueFor(beijing("2025-03-04T09:00"), THREE_DAYS);

        assertEquals(0, due.dueAt().getNano() % 1_000, "PostgreSQL keeps microseconds only");
    }

    @Test
    void anEmptyCalendarCountsMondayToFridayAndWarns() {
        DeadlineClock bare = new DeadlineClock(WorkingCalendar.of(), DeadlineClock.CHINA);

        Deadline due = bare.dueFor(beijing("2025-09-30T10:00"), THREE_DAYS);

        assertEquals(endOfBeijingDay("2025-10-03"), due.dueAt());
        assertTrue(due.hasWarnings());
    }
}
