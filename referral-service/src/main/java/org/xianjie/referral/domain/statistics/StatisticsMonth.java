package org.xianjie.referral.domain.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** One agency's figures for one calendar month (in Asia/Shanghai); every {@link Figure} has a value. */
public record StatisticsMonth(YearMonth month, Map<Figure, BigDecimal> figures) {

    public BigDecimal get(Figure f) {
        return figures.getOrDefault(f, BigDecimal.ZERO);
    }
}
