package org.xianjie.referral.domain.process;

import java.util.Set;

/** The actor may never take this step: wrong party type or missing role (the service answers 403). */
public class ActorNotAllowed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReferralStep step;
    private final PartyType actorType;

    public ActorNotAllowed(ReferralStep step, PartyType actorType, String reason) {
        super(step + " cannot be taken by " + actorType + ": " + reason);
        this.step = step;
        this.actorType = actorType;
    }

    public ReferralStep step() {
        return step;
    }

    public PartyType actorType() {
        return actorType;
    }

    /** The party types that may take the step. */
    public Set<PartyType> allowedActors() {
        return step.actors();
    }
}
