package org.xianjie.cases.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which steps fit which state. A referred case stays with the police: the agency may add evidence
 * but decides no penalty until the case comes back (Decree 310 art. 10, 13); a closed case takes
 * nothing more. Referral itself is learned from referral events and may reach a case in any state,
 * because a closed case can still turn out to need referral (以罚代刑 supervision).
 */
public final class CaseLifecycle {

    private static final Map<CaseState, Set<CaseStep>> ALLOWED = Map.of(
            CaseState.OPEN, EnumSet.allOf(CaseStep.class),
            CaseState.PENALTY_DECIDED, EnumSet.of(CaseStep.ADD_EVIDENCE, CaseStep.CLOSE),
            CaseState.REFERRED, EnumSet.of(CaseStep.ADD_EVIDENCE),
            CaseState.RETURNED, EnumSet.allOf(CaseStep.class),
            CaseState.CLOSED, EnumSet.noneOf(CaseStep.class));

    private CaseLifecycle() {}

    public static boolean allows(CaseState state, CaseStep step) {
        return ALLOWED.get(state).contains(step);
    }

    /** The steps allowed in {@code state}, by their API names, in a stable order. */
    public static List<String> allowedSteps(CaseState state) {
        return ALLOWED.get(state).stream().sorted().map(CaseStep::apiName).toList();
    }

    /** The state after {@code step}; steps that do not move the state keep it. */
    public static CaseState after(CaseState state, CaseStep step) {
        return switch (step) {
            case DECIDE_PENALTY -> CaseState.PENALTY_DECIDED;
            case CLOSE -> CaseState.CLOSED;
            default -> state;
        };
    }
}
