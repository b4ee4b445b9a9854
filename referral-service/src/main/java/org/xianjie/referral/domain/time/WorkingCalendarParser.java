package org.xianjie.referral.domain.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xianjie.referral.domain.RuleDataException;
import org.xianjie.referral.domain.RuleJson;

/**
 * Reads the working-calendar data format: a JSON array with one object per year.
 *
 * <pre>{@code
 * [
 *   {
 *     "year": 2025,
 *     "restDays": ["2025-01-01", {"from": "2025-01-28", "to": "2025-02-04"}],
 *     "makeUpWorkingDays": ["2025-01-26", "2025-02-08"]
 *   }
 * ]
 * }</pre>
 *
 * An entry of either list is a date or an inclusive range {@code {"from", "to"}}, because the
 * State Council publishes holidays as blocks ("1月28日至2月4日放假调休，共8天").
 */
public final class WorkingCalendarParser {

    private static final Set<String> YEAR_FIELDS = Set.of("year", "restDays", "makeUpWorkingDays");
    private static final Set<String> RANGE_FIELDS = Set.of("from", "to");

    private WorkingCalendarParser() {}

    /** Parses and closes {@code json}. */
    public static List<YearCalendar> parse(InputStream json) {
        JsonNode root = RuleJson.read(json, "working calendar");
        if (!root.isArray()) {
            throw new RuleDataException("working calendar: expected an array with one object per year");
        }
        List<YearCalendar> years = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode node : root) {
            YearCalendar year = year(node);
            if (!seen.add(year.year())) {
                throw new RuleDataException("working calendar: year " + year.year() + " given twice");
            }
            years.add(year);
        }
        return years;
    }

    private static YearCalendar year(JsonNode node) {
        RuleJson.onlyFields(node, "working calendar entry", YEAR_FIELDS);
        int year = RuleJson.integer(node, "year", "working calendar entry");
        String where = "working calendar " + year;
        Set<LocalDate> rest = days(RuleJson.array(node, "restDays", where), where + " restDays");
        Set<LocalDate> makeUp = days(RuleJson.array(node, "makeUpWorkingDays", where), where + " makeUpWorkingDays");
        try {
            return new YearCalendar(year, rest, makeUp);
        } catch (IllegalArgumentException e) {
            throw new RuleDataException(where + ": " + e.getMessage(), e);
        }
    }

    private static Set<LocalDate> days(JsonNode entries, String where) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (JsonNode entry : entries) {
            if (entry.isObject()) {
                RuleJson.onlyFields(entry, where, RANGE_FIELDS);
                LocalDate from = RuleJson.date(RuleJson.required(entry, "from", where), where);
                LocalDate to = RuleJson.date(RuleJson.required(entry, "to", where), where);
                if (to.isBefore(from)) {
                    throw new RuleDataException(where + ": range ends before it starts: " + from + " to " + to);
                }
                from.datesUntil(to.plusDays(1)).forEach(days::add);
            } else {
                days.add(RuleJson.date(entry, where));
            }
        }
        return days;
    }
}
