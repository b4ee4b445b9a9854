package org.xianjie.referral.domain.sharing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * When a case counts as major (重大案件) by rule: its amount reaches its category's threshold, or the
 * default threshold for a category without its own. The thresholds are data (configuration), not
 * code; an agency may also mark a case major by decision, with its reasons, whatever the amount.
 */
public record MajorCaseRule(Map<String, BigDecimal> byCategory, BigDecimal defaultThreshold) {

    public MajorCaseRule {
        byCategory = Map.copyOf(byCategory);
    }

    public BigDecimal thresholdFor(String category) {
        return category == null ? defaultThreshold : byCategory.getOrDefault(category, defaultThreshold);
    }

    /** The grounds if the amount makes the case major, e.g. {@code "TRADEMARK: 800000 ≥ 500000"}; empty otherwise. */
    public Optional<String> grounds(String category, BigDecimal amount) {
        BigDecimal threshold = thresholdFor(category);
        if (amount == null || threshold == null || amount.compareTo(threshold) < 0) {
            return Optional.empty();
        }
        return Optional.of((category == null ? "amount" : category) + ": " + amount.toPlainString() + " ≥ "
                + threshold.toPlainString());
    }
}
