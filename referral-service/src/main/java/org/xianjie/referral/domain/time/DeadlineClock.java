package org.xianjie.referral.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Computes when a time limit ends, following Criminal Procedure Law art. 105 (期间以时、日、月计算；
 * 期间开始的时和日不算在期间以内；期间的最后一日为节假日的，以节假日后的第一日为期满日期).
 *
 * <ul>
 *   <li>{@link LimitUnit#HOURS}: start + N clock hours, holidays or not.</li>
 *   <li>{@link LimitUnit#CALENDAR_DAYS}: the start day D is not counted; the period ends at the end
 *       of day D+N, local time, or of the first working day after it if D+N is a rest day.</li>
 *   <li>{@link LimitUnit#MONTHS}: the same day N months later, or the last day of that month if it
 *       has no such day (31 July + 2 months = 30 September), with the same shift.</li>
 *   <li>{@link LimitUnit#WORKING_DAYS}: the N-th working day after D; no shift is needed.</li>
 * </ul>
 *
 * <p>"End of day" is the last microsecond of that local day (next day 00:00 minus 1 µs), and
 * {@link #isOverdue} is strictly after it. Microseconds rather than nanoseconds because that is
 * what PostgreSQL {@code timestamptz} stores: a nanosecond value would round up to the next
 * midnight on the way to the database and change the deadline it reads back.
 */
public final class DeadlineClock {

    /** Local time of every agency in the suite. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Duration LAST_TICK = Duration.ofNanos(1_000);

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public DeadlineClock(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** When {@code limit}, started by an event at {@code start}, runs out. */
    public Deadline dueFor(Instant start, TimeLimit limit) {
        Objects.requireNonNull(start, "start");
        if (limit.unit() == LimitUnit.HOURS) {
            return new Deadline(start.plus(Duration.ofHours(limit.amount())), List.of());
        }
        Days days = new Days();
        LocalDate startDay = start.atZone(zone).toLocalDate();
        LocalDate lastDay = switch (limit.unit()) {
            case CALENDAR_DAYS -> days.firstWorkingDayFrom(startDay.plusDays(limit.amount()));
            case MONTHS -> days.firstWorkingDayFrom(startDay.plusMonths(limit.amount()));
            case WORKING_DAYS -> days.nthWorkingDayAfter(startDay, limit.amount());
            case HOURS -> throw new AssertionError("handled above");
        };
        return new Deadline(endOf(lastDay), days.warnings());
    }

    /** Whether {@code now} is past the deadline; acting at {@code dueAt} itself is in time. */
    public boolean isOverdue(Deadline deadline, Instant now) {
        return now.isAfter(deadline.dueAt());
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minus(LAST_TICK);
    }

    /** Asks the calendar about days and remembers the years it had to guess for. */
    private final class Days {
        private final SortedSet<Integer> uncoveredYears = new TreeSet<>();

        boolean isWorkingDay(LocalDate day) {
            if (!calendar.covers(day)) {
                uncoveredYears.add(day.getYear());
            }
            return calendar.isWorkingDay(day);
        }

        LocalDate firstWorkingDayFrom(LocalDate day) {
            LocalDate candidate = day;
            while (!isWorkingDay(candidate)) {
                candidate = candidate.plusDays(1);
            }
            return candidate;
        }

        LocalDate nthWorkingDayAfter(LocalDate day, int n) {
            LocalDate candidate = day;
            int counted = 0;
            while (counted < n) {
                candidate = candidate.plusDays(1);
                if (isWorkingDay(candidate)) {
                    counted++;
                }
            }
            return candidate;
        }

        List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            for (int year : uncoveredYears) {
                warnings.add("working calendar has no holiday schedule for " + year
                        + ": Monday to Friday counted as working days, check the deadline by hand");
            }
            return warnings;
        }
    }
}
