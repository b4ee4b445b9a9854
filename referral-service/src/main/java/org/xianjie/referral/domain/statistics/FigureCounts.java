package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What was counted for one year, per figure, agency and month (1–12, the month in Asia/Shanghai of
 * the date the figure names). A year's figure is the sum of its months, so the two never disagree:
 * a figure counting each referral or case once a year counts it in the month of its first
 * qualifying act of that year.
 */
public final class FigureCounts {

    private final Map<Figure, Map<String, BigDecimal[]>> counts = new EnumMap<>(Figure.class);

    /** Adds {@code value} to {@code figure} of {@code agency} in {@code month}. */
    public FigureCounts add(Figure figure, String agency, int month, BigDecimal value) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1–12, was " + month);
        }
        BigDecimal[] months =
                counts.computeIfAbsent(figure, f -> new HashMap<>()).computeIfAbsent(agency, a -> zeros());
        months[month - 1] = months[month - 1].add(value);
        return this;
    }

    public BigDecimal month(Figure figure, String agency, int month) {
        return months(figure, agency)[month - 1];
    }

    public BigDecimal year(Figure figure, String agency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : months(figure, agency)) {
            sum = sum.add(v);
        }
        return sum;
    }

    private BigDecimal[] months(Figure figure, String agency) {
        BigDecimal[] months = counts.getOrDefault(figure, Map.of()).get(agency);
        return months != null ? months : zeros();
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] months = new BigDecimal[12];
        java.util.Arrays.fill(months, BigDecimal.ZERO);
        return months;
    }
}
