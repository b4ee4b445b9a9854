package org.xianjie.referral.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.loadDefault();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shippedCalendarHoldsExactlyThe2025And2026StateCouncilTables() {
        assertEquals(new TreeSet<>(Set.of(2025, 2026)), CALENDAR.coveredYears());
        YearCalendar y2025 = CALENDAR.year(2025).orElseThrow();
        YearCalendar y2026 = CALENDAR.year(2026).orElseThrow();
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 rest days; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
        assertEquals(28, y2025.restDays().size());
        assertEquals(33, y2026.restDays().size());
        assertEquals(
                Set.of(d("2025-01-26"), d("2025-02-08"), d("2025-04-27"), d("2025-09-28"), d("2025-10-11")),
                y2025.makeUpWorkingDays());
        assertEquals(
                Set.of(
                        d("2026-01-04"),
                        d("2026-02-14"),
                        d("2026-02-28"),
                        d("2026-05-09"),
                        d("2026-09-20"),
                        d("2026-10-10")),
                y2026.makeUpWorkingDays());
    }

    @Test
    void makeUpSundayBeforeSpringFestivalIsAWorkingDay() {
        assertTrue(CALENDAR.isWorkingDay(d("2025-01-26")));
    }

    @Test
    void weekdayInsideNationalDayHolidayIsARestDay() {
        assertFalse(CALENDAR.isWorkingDay(d("2025-10-08")));
        assertFalse(CALENDAR.isWorkingDay(d("2026-10-07")));
    }

    @Test
    void ordinarySaturdayIsARestDayAndOrdinaryMondayAWorkingDay() {
        assertFalse(CALENDAR.isWorkingDay(d("2025-03-08")));
        assertTrue(CALENDAR.isWorkingDay(d("2025-03-10")));
    }

    @Test
    void dragonBoatFestival2025SpansMayAndJune() {
        assertFalse(CALENDAR.isWorkingDay(d("2025-05-31")));
        assertFalse(CALENDAR.isWorkingDay(d("2025-06-02")));
        assertTrue(CALENDAR.isWorkingDay(d("2025-06-03")));
    }

    @Test
    void yearNotPublishedFallsBackToMondayToFriday() {
        assertFalse(CALENDAR.covers(d("2027-01-01")));
        assertTrue(CALENDAR.isWorkingDay(d("2027-01-01")), "a Friday, since the 2027 schedule is unknown");
        assertFalse(CALENDAR.isWorkingDay(d("2027-01-02")));
    }

    @Test
    void operatorAddsANewYearWithoutARelease() {
        YearCalendar next = new YearCalendar(2027, Set.of(d("2027-01-01")), Set.of());

        WorkingCalendar extended = CALENDAR.withYears(List.of(next));

        assertTrue(extended.covers(d("2027-01-01")));
        assertFalse(extended.isWorkingDay(d("2027-01-01")));
        assertTrue(extended.covers(d("2025-10-01")), "shipped years stay");
        assertFalse(CALENDAR.covers(d("2027-01-01")), "the original calendar is unchanged");
    }

    @Test
    void operatorYearReplacesTheShippedYear() {
        YearCalendar corrected = new YearCalendar(2026, Set.of(), Set.of());

        WorkingCalendar replaced = CALENDAR.withYears(List.of(corrected));

        assertTrue(replaced.isWorkingDay(d("2026-10-07")));
    }

    @Test
    void aYearCannotBeGivenTwice() {
        YearCalendar a = new YearCalendar(2027, Set.of(), Set.of());
        YearCalendar b = new YearCalendar(2027, Set.of(d("2027-01-01")), Set.of());

        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of(a, b));
    }

    @Test
    void yearCalendarRejectsADateOfAnotherYear() {
        assertThrows(IllegalArgumentException.class, () -> new YearCalendar(2025, Set.of(d("2026-01-01")), Set.of()));
    }

    @Test
    void yearCalendarRejectsADayThatIsBothRestAndWork() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new YearCalendar(2025, Set.of(d("2025-01-26")), Set.of(d("2025-01-26"))));
    }
}
