package org.xianjie.referral.domain.process;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.xianjie.referral.domain.time.TimeLimitCodes;

/**
 * The referral process as a pure function of (state, step, actor): no clock, no storage.
 * The service keeps the state and the deadlines, checks which agency (not just which party type)
 * is acting, and turns {@link StepNotAllowed} into 409 and {@link ActorNotAllowed} into 403.
 */
public final class ReferralStateMachine {

    /** The role of the agency head (正职负责人或主持工作的负责人), needed to approve or refuse. */
    public static final String HEAD_ROLE = "head";

    /** Steps that open a referral: {@link ReferralStep#REPORT} and {@link ReferralStep#RECORD_NON_PROSECUTION}. */
    public List<ReferralStep> startingSteps() {
        List<ReferralStep> steps = new ArrayList<>();
        for (ReferralStep step : ReferralStep.values()) {
            if (step.isStart()) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Steps allowed in {@code state}, in the order of the process; empty for a terminal state. */
    public List<ReferralStep> allowedSteps(ReferralState state) {
        Objects.requireNonNull(state, "state");
        List<ReferralStep> steps = new ArrayList<>();
        for (ReferralStep step : ReferralStep.values()) {
            if (step.allowedFrom().contains(state)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The allowed steps this actor could take now, for showing the buttons a user has. */
    public List<ReferralStep> allowedSteps(ReferralState state, PartyType actorType, Set<String> roles) {
        List<ReferralStep> steps = new ArrayList<>();
        for (ReferralStep step : allowedSteps(state)) {
            if (actorRefusal(step, actorType, roles) == null) {
                steps.add(step);
            }
        }
        return steps;
    }

    /**
     * Who must act next (routing): the party types of the steps that move the referral on from
     * {@code state}. Side activities do not count. In {@link ReferralState#DECLINED} and
     * {@link ReferralState#DECLINE_UPHELD} this includes the procuratorate, which may supervise
     * on its own initiative. Empty for a terminal state.
     */
    public Set<PartyType> nextActors(ReferralState state) {
        Set<PartyType> actors = EnumSet.noneOf(PartyType.class);
        for (ReferralStep step : allowedSteps(state)) {
            if (!step.isSideActivity()) {
                actors.addAll(step.actors());
            }
        }
        return actors;
    }

    /**
     * Opens a referral with a starting step.
     *
     * @throws ActorNotAllowed if the actor may not take the step
     * @throws StepNotAllowed  if the step does not open a referral
     */
    public Transition start(ReferralStep step, PartyType actorType, Set<String> roles) {
        checkActor(step, actorType, roles);
        if (!step.isStart()) {
            throw new StepNotAllowed(null, step, startingSteps());
        }
        return transition(null, step);
    }

    /**
     * Takes {@code step} in {@code current}. The actor is checked first: a party that may never
     * take a step is refused (403) whatever the state.
     *
     * @throws ActorNotAllowed if the actor's party type may not take the step, or it needs the
     *                         {@value #HEAD_ROLE} role and {@code roles} lacks it
     * @throws StepNotAllowed  if the step is not allowed in {@code current}
     */
    public Transition apply(ReferralState current, ReferralStep step, PartyType actorType, Set<String> roles) {
        Objects.requireNonNull(current, "current");
        checkActor(step, actorType, roles);
        if (!step.allowedFrom().contains(current)) {
            throw new StepNotAllowed(current, step, allowedSteps(current));
        }
        return transition(current, step);
    }

    private static Transition transition(ReferralState current, ReferralStep step) {
        ReferralState to = step.leadsTo().orElse(current);
        Set<String> closed = to.isTerminal() ? Set.copyOf(TimeLimitCodes.ALL) : step.closes();
        return new Transition(current, step, to, step.opens(), closed);
    }

    private static void checkActor(ReferralStep step, PartyType actorType, Set<String> roles) {
        Objects.requireNonNull(step, "step");
        String refusal = actorRefusal(step, actorType, roles);
        if (refusal != null) {
            throw new ActorNotAllowed(step, actorType, refusal);
        }
    }

    private static String actorRefusal(ReferralStep step, PartyType actorType, Set<String> roles) {
        if (actorType == null || !step.actors().contains(actorType)) {
            return "only " + step.actors() + " may take it";
        }
        if (step.requiresHead() && (roles == null || !roles.contains(HEAD_ROLE))) {
            return "it needs the '" + HEAD_ROLE + "' role (正职负责人或主持工作的负责人)";
        }
        return null;
    }
}
