package org.xianjie.referral.domain.process;

import java.util.List;

/**
 * The step cannot be taken in the referral's current state (the service answers 409 Conflict,
 * listing the steps that can).
 */
public class StepNotAllowed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReferralState current;
    private final ReferralStep step;
    private final List<ReferralStep> allowedSteps;

    /**
     * @param current      the current state; null when no referral exists yet
     * @param step         the step attempted
     * @param allowedSteps the steps allowed instead (the starting steps when {@code current} is null)
     */
    public StepNotAllowed(ReferralState current, ReferralStep step, List<ReferralStep> allowedSteps) {
        super(step + " is not allowed " + (current == null ? "to open a referral" : "in state " + current)
                + "; allowed: " + allowedSteps);
        this.current = current;
        this.step = step;
        this.allowedSteps = List.copyOf(allowedSteps);
    }

    public ReferralState current() {
        return current;
    }

    public ReferralStep step() {
        return step;
    }

    public List<ReferralStep> allowedSteps() {
        return allowedSteps;
    }
}
