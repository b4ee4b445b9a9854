package org.xianjie.referral.domain.time;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xianjie.referral.domain.RuleResources;

/**
 * The working-day calendar (工作日历): Monday to Friday, minus public holidays, plus the weekend days
 * the State Council names as make-up working days (调休上班).
 *
 * <p>The schedule is published each November for the next year, so the calendar is data
 * ({@code rules/working-calendar.json}, see {@link WorkingCalendarParser}) and operators add a
 * year without a release. The shipped file holds 2025 and 2026 only: the 2027 schedule is not in
 * the specification, and inventing it would put wrong deadlines on real cases. A date in a year
 * the calendar does not cover falls back to Monday to Friday; {@link DeadlineClock} then warns on
 * the deadline instead of guessing silently.
 */
public final class WorkingCalendar {

    /** Where the shipped calendar lives on the class path. */
    public static final String DEFAULT_RESOURCE = "rules/working-calendar.json";

    private final SortedMap<Integer, YearCalendar> years;

    public WorkingCalendar(Collection<YearCalendar> years) {
        SortedMap<Integer, YearCalendar> byYear = new TreeMap<>();
        for (YearCalendar year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("year " + year.year() + " given twice");
            }
        }
        this.years = Collections.unmodifiableSortedMap(byYear);
    }

    public static WorkingCalendar of(YearCalendar... years) {
        return new WorkingCalendar(List.of(years));
    }

    /** The calendar shipped in {@value #DEFAULT_RESOURCE}. */
    public static WorkingCalendar loadDefault() {
        return new WorkingCalendar(WorkingCalendarParser.parse(RuleResources.open(DEFAULT_RESOURCE)));
    }

    /**
     * A calendar with {@code added} years on top of these; a year present in both is replaced,
     * so an operator's file can correct a shipped year as well as add the next one.
     */
    public WorkingCalendar withYears(Collection<YearCalendar> added) {
        SortedMap<Integer, YearCalendar> merged = new TreeMap<>(years);
        WorkingCalendar checked = new WorkingCalendar(added); // rejects duplicates within `added`
        merged.putAll(checked.years);
        return new WorkingCalendar(merged.values());
    }

    /** Whether the official schedule of {@code day}'s year is known. */
    public boolean covers(LocalDate day) {
        return years.containsKey(day.getYear());
    }

    /**
     * Whether {@code day} is a working day; outside the covered years, Monday to Friday (callers
     * that must not guess check {@link #covers(LocalDate)}).
     */
    public boolean isWorkingDay(LocalDate day) {
        YearCalendar year = years.get(day.getYear());
        return year == null ? YearCalendar.isMondayToFriday(day) : year.isWorkingDay(day);
    }

    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    public Optional<YearCalendar> year(int year) {
        return Optional.ofNullable(years.get(year));
    }
}
