package org.xianjie.referral.domain.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar year as the figures count it: from 1 January 00:00 to the next 1 January 00:00 in
 * Asia/Shanghai, so an act at 23:30 on 31 December local time counts in that year although it is
 * already 15:30 UTC.
 */
public record StatisticsYear(int year, Instant from, Instant until) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    public static StatisticsYear of(int year) {
        if (year < FIRST || year > LAST) {
            throw new IllegalArgumentException("year must be between " + FIRST + " and " + LAST);
        }
        return new StatisticsYear(
                year,
                LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }

    public boolean contains(LocalDate localDate) {
        return localDate.getYear() == year;
    }
}
