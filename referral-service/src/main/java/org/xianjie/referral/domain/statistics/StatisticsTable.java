package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the table: one row per agency in scope, every figure filled (zero where nothing
 * counted), ordered by region then agency code. Figures counted for agencies outside the scope are
 * left out, so a caller never sees a row it may not read.
 */
public final class StatisticsTable {

    private StatisticsTable() {}

    /** An agency of the table and its region. */
    public record Agency(String code, String region) {}

    public static List<StatisticsRow> rows(List<Agency> scope, Map<Figure, Map<String, BigDecimal>> counted) {
        List<StatisticsRow> rows = new ArrayList<>();
        for (Agency a : scope.stream()
                .sorted(Comparator.comparing(Agency::region).thenComparing(Agency::code))
                .toList()) {
            Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                BigDecimal v = counted.getOrDefault(f, Map.of()).getOrDefault(a.code(), BigDecimal.ZERO);
                figures.put(f, f.isAmount() ? v.setScale(2, java.math.RoundingMode.HALF_UP) : v);
            }
            rows.add(new StatisticsRow(a.code(), a.region(), figures));
        }
        return rows;
    }
}
