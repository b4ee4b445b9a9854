package org.xianjie.referral.domain.criminal;

/**
 * Where one suspect stands in the criminal process: what has been decided for them so far. The
 * rules of {@link SuspectDecisions} read it to tell whether a step may decide for the suspect.
 */
public record SuspectStanding(
        boolean arrestRequested,
        ArrestDecision arrest,
        ProsecutionDecision prosecution,
        boolean courtAccepted,
        boolean judged) {

    public static final SuspectStanding NEW = new SuspectStanding(false, null, null, false, false);
}
