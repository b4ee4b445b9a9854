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
 *
 * <p>A penalty decision can be revoked (撤销) while it is the case's latest word and after closing
 * (reconsideration and litigation outlast the case): a decided case returns to OPEN, so that the
 * agency may decide anew or close, and a closed one stays closed.
 */
public final class CaseLifecycle {

    private static final Map<CaseState, Set<CaseStep>> ALLOWED = Map.of(
            CaseState.OPEN, EnumSet.complementOf(EnumSet.of(CaseStep.REVOKE_PENALTY)),
            CaseState.PENALTY_DECIDED, EnumSet.of(CaseStep.ADD_EVIDENCE, CaseStep.REVOKE_PENALTY, CaseStep.CLOSE),
            CaseState.REFERRED, EnumSet.of(CaseStep.ADD_EVIDENCE),
            CaseState.RETURNED, EnumSet.complementOf(EnumSet.of(CaseStep.REVOKE_PENALTY)),
            CaseState.CLOSED, EnumSet.of(CaseStep.REVOKE_PENALTY));

    private CaseLifecycle() {}

    public static boolean allows(CaseState state, CaseStep step) {
        return ALLOWED.get(state).contains(step);
    }

    /** The steps {@code state} allows, by their API names, in a stable order. */
    public static List<String> allowedSteps(CaseState state) {
        return ALLOWED.get(state).stream().sorted().map(CaseStep::apiName).toList();
    }

    /**
     * What the case can take now: the state's steps, without {@code revoke-penalty} unless a
     * penalty decision stands (none recorded, or already revoked).
     */
    public static List<String> allowedSteps(CaseState state, boolean penaltyInForce) {
        return ALLOWED.get(state).stream()
                .filter(step -> penaltyInForce || step != CaseStep.REVOKE_PENALTY)
                .sorted()
                .map(CaseStep::apiName)
                .toList();
    }

    /** The state after {@code step}; steps that do not move the state keep it. */
    public static CaseState after(CaseState state, CaseStep step) {
        return switch (step) {
            case DECIDE_PENALTY -> CaseState.PENALTY_DECIDED;
            case CLOSE -> CaseState.CLOSED;
            case REVOKE_PENALTY -> state == CaseState.PENALTY_DECIDED ? CaseState.OPEN : state;
            default -> state;
        };
    }
}
