package org.xianjie.referral.domain.threshold;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One way an offence's filing threshold is reached: {@code figure >= atLeast}, provided the guards
 * hold.
 *
 * @param id                 unique within its rule set, e.g. "213-two-marks-gains"
 * @param figure             the figure tested
 * @param atLeast            the threshold, reached when the figure is equal or greater
 * @param minMarks           guard: at least this many marks counterfeited (两种以上), or null
 * @param repeatOffenceOnly  guard: only for a party penalised for the same conduct within 2 years
 * @param markKind           guard: only for goods or only for service marks, or null for both
 * @param attempt            reaching it counts as an attempt (未遂), e.g. unsold goods
 * @param text               the condition as the rule states it, for people reading the lead
 */
public record ThresholdCondition(
        String id,
        Figure figure,
        BigDecimal atLeast,
        Integer minMarks,
        boolean repeatOffenceOnly,
        MarkKind markKind,
        boolean attempt,
        String text) {

    public ThresholdCondition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(atLeast, "atLeast");
        Objects.requireNonNull(text, "text");
        if (atLeast.signum() <= 0) {
            throw new IllegalArgumentException(id + ": threshold must be positive");
        }
        if (minMarks != null && minMarks < 2) {
            throw new IllegalArgumentException(id + ": minMarks, when given, is at least 2");
        }
    }

    /** The figure's value when this condition fires for {@code figures}, otherwise empty. */
    public Optional<BigDecimal> firedBy(CaseFigures figures) {
        if (!guardsHold(figures)) {
            return Optional.empty();
        }
        return figure.valueIn(figures).filter(value -> value.compareTo(atLeast) >= 0);
    }

    private boolean guardsHold(CaseFigures figures) {
        if (minMarks != null && (figures.marks() == null || figures.marks() < minMarks)) {
            return false;
        }
        if (repeatOffenceOnly && !figures.penalisedForSameConductWithinTwoYears()) {
            return false;
        }
        return markKind == null || markKind == figures.markKind();
    }
}
