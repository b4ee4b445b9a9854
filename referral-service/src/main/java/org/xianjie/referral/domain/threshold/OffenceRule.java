package org.xianjie.referral.domain.threshold;

import java.util.List;
import java.util.Objects;

/**
 * The filing thresholds of one offence in one rule set.
 *
 * @param article    Criminal Law article, e.g. "213"
 * @param name       the offence, e.g. "假冒注册商标罪"
 * @param conditions tried in order: completed offences before repeat-offender and attempt rules
 */
public record OffenceRule(String article, String name, List<ThresholdCondition> conditions) {

    public OffenceRule {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(name, "name");
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("offence " + article + " has no conditions");
        }
    }
}
