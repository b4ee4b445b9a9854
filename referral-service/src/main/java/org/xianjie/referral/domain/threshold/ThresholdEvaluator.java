package org.xianjie.referral.domain.threshold;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Screens a decided administrative case against the criminal filing thresholds (以罚代刑 detection).
 *
 * <p>The rules applied are those in force on the decision date: judicial interpretations apply to
 * cases handled after they take effect, so a penalty decided on 2025-04-26 or later is screened
 * with 法释〔2025〕5号. A match is advice for the procuratorate; it never blocks or forces anything.
 */
public final class ThresholdEvaluator {

    private final ThresholdRules rules;

    public ThresholdEvaluator(ThresholdRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The first threshold {@code figures} reach on {@code decisionDate}: completed offences before
     * attempts, then in the order of the data. Empty when none is reached or none is known.
     */
    public Optional<ThresholdMatch> evaluate(CaseFigures figures, LocalDate decisionDate) {
        return evaluateAll(figures, decisionDate).stream().findFirst();
    }

    /** Every threshold reached, completed offences first; for showing all grounds of a lead. */
    public List<ThresholdMatch> evaluateAll(CaseFigures figures, LocalDate decisionDate) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(decisionDate, "decisionDate");
        Optional<ThresholdRuleSet> inForce = rules.inForceOn(decisionDate);
        if (inForce.isEmpty()) {
            return List.of();
        }
        List<ThresholdMatch> matches = new ArrayList<>();
        for (String article : rules.offencesFor(figures.category())) {
            rules.applicable(article, decisionDate).ifPresent(applicable -> {
                for (ThresholdCondition condition : applicable.rule().conditions()) {
                    condition
                            .firedBy(figures)
                            .ifPresent(value -> matches.add(match(inForce.get().id(), applicable, condition, value)));
                }
            });
        }
        matches.sort(Comparator.comparing(ThresholdMatch::attempt)); // stable: keeps data order
        return List.copyOf(matches);
    }

    private static ThresholdMatch match(
            String ruleSetId, ThresholdRules.Applicable applicable, ThresholdCondition condition, BigDecimal value) {
        OffenceRule rule = applicable.rule();
        return new ThresholdMatch(
                ruleSetId,
                applicable.ruleSetId(),
                rule.article(),
                rule.name(),
                condition.id(),
                condition.text(),
                condition.figure(),
                value,
                condition.atLeast(),
                condition.attempt());
    }
}
