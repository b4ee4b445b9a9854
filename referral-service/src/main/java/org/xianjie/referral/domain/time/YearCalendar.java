package org.xianjie.referral.domain.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the State Council's holiday schedule (国务院办公厅关于部分节假日安排的通知).
 *
 * @param year               the calendar year the schedule is for
 * @param restDays           public-holiday rest days (放假), including the weekend days inside a
 *                           holiday block
 * @param makeUpWorkingDays  weekend days declared working days (调休上班)
 */
public record YearCalendar(int year, Set<LocalDate> restDays, Set<LocalDate> makeUpWorkingDays) {

    public YearCalendar {
        restDays = sortedCopy(restDays, year, "rest day");
        makeUpWorkingDays = sortedCopy(makeUpWorkingDays, year, "make-up working day");
        for (LocalDate day : makeUpWorkingDays) {
            if (restDays.contains(day)) {
                throw new IllegalArgumentException(day + " is both a rest day and a make-up working day");
            }
        }
    }

    /** Whether {@code day}, which must fall in this year, is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        if (restDays.contains(day)) {
            return false;
        }
        return makeUpWorkingDays.contains(day) || isMondayToFriday(day);
    }

    static boolean isMondayToFriday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    private static SortedSet<LocalDate> sortedCopy(Set<LocalDate> days, int year, String what) {
        Objects.requireNonNull(days, what + "s");
        SortedSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate day : days) {
            Objects.requireNonNull(day, what);
            if (day.getYear() != year) {
                throw new IllegalArgumentException(what + " " + day + " is not in " + year);
            }
            copy.add(day);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
