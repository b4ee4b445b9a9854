package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One agency's figures for the year; every {@link Figure} has a value (zero when nothing counted).
 * {@code months} holds the twelve months of the year, January first; each year figure is the sum of
 * its months.
 */
public record StatisticsRow(
        String agency, String region, Map<Figure, BigDecimal> figures, List<StatisticsMonth> months) {

    public BigDecimal get(Figure f) {
        return figures.getOrDefault(f, BigDecimal.ZERO);
    }
}
