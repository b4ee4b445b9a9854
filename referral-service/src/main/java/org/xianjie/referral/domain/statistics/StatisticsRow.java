package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.util.Map;

/** One agency's figures for the year; every {@link Figure} has a value (zero when nothing counted). */
public record StatisticsRow(String agency, String region, Map<Figure, BigDecimal> figures) {

    public BigDecimal get(Figure f) {
        return figures.getOrDefault(f, BigDecimal.ZERO);
    }
}
