package org.xianjie.referral.domain.time;

import java.util.Objects;

/**
 * One statutory time limit (期限).
 *
 * @param code   stable identifier, one of {@link TimeLimitCodes}
 * @param amount how many units, at least 1
 * @param unit   how the units are counted
 * @param source the rule it comes from, e.g. "国务院令第310号 第5条"
 */
public record TimeLimit(String code, int amount, LimitUnit unit, String source) {

    public TimeLimit {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("time limit code is blank");
        }
        if (amount < 1) {
            throw new IllegalArgumentException(code + ": amount must be at least 1, was " + amount);
        }
        Objects.requireNonNull(unit, "unit");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(code + ": a time limit must name its source");
        }
    }
}
