package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the table: one row per agency in scope, every figure filled (zero where nothing
 * counted), ordered by region then agency code, each with its twelve months. Figures counted for
 * agencies outside the scope are left out, so a caller never sees a row it may not read.
 */
public final class StatisticsTable {

    private StatisticsTable() {}

    /** An agency of the table and its region. */
    public record Agency(String code, String region) {}

    public static List<StatisticsRow> rows(List<Agency> scope, StatisticsYear year, FigureCounts counted) {
        List<StatisticsRow> rows = new ArrayList<>();
        for (Agency a : scope.stream()
                .sorted(Comparator.comparing(Agency::region).thenComparing(Agency::code))
                .toList()) {
            Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                figures.put(f, scaled(f, counted.year(f, a.code())));
            }
            List<StatisticsMonth> months = new ArrayList<>(12);
            for (int m = 1; m <= 12; m++) {
                Map<Figure, BigDecimal> month = new EnumMap<>(Figure.class);
                for (Figure f : Figure.values()) {
                    month.put(f, scaled(f, counted.month(f, a.code(), m)));
                }
                months.add(new StatisticsMonth(YearMonth.of(year.year(), m), month));
            }
            rows.add(new StatisticsRow(a.code(), a.region(), figures, List.copyOf(months)));
        }
        return rows;
    }

    private static BigDecimal scaled(Figure f, BigDecimal v) {
        return f.isAmount() ? v.setScale(2, RoundingMode.HALF_UP) : v;
    }
}
