package org.xianjie.referral.domain.criminal;

import java.util.UUID;

/**
 * What a step decided for one suspect: exactly one of the parts is set, matching {@code act}.
 * {@code judgment} carries the criminal fine before set-off; the service completes the set-off.
 */
public record SuspectDecision(
        UUID suspectId, SuspectAct act, ArrestDecision arrest, ProsecutionDecision prosecution, Judgment judgment) {}
