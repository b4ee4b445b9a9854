package org.xianjie.referral.domain.threshold;

import java.math.BigDecimal;

/**
 * A threshold reached: the grounds of a supervision lead (监督线索). Advice for the procuratorate,
 * never a bar to anything.
 *
 * @param ruleSetId   the rule set in force on the decision date
 * @param valuesFrom  the rule set whose figures were applied: differs from {@code ruleSetId} when
 *                    the set in force does not list the offence and the earlier values still hold
 * @param article     Criminal Law article, e.g. "213"
 * @param offence     the offence's name, e.g. "假冒注册商标罪"
 * @param conditionId the condition that fired
 * @param condition   its text
 * @param figure      the figure tested
 * @param value       the case's value of that figure
 * @param threshold   the threshold it reached
 * @param attempt     the threshold is one for an attempted offence (未遂)
 */
public record ThresholdMatch(
        String ruleSetId,
        String valuesFrom,
        String article,
        String offence,
        String conditionId,
        String condition,
        Figure figure,
        BigDecimal value,
        BigDecimal threshold,
        boolean attempt) {}
