package org.xianjie.referral.domain.criminal;

import java.util.Optional;
import org.xianjie.referral.domain.process.ReferralStep;

/** The acts of the criminal process that decide for persons, and the referral steps that carry them. */
public enum SuspectAct {
    /** 提请批准逮捕 */
    ARREST_REQUESTED,
    /** 批准 / 不批准逮捕 */
    ARREST_DECIDED,
    /** 提起公诉 / 不起诉 */
    PROSECUTION_DECIDED,
    /** 法院受理 */
    COURT_ACCEPTED,
    /** 判决 */
    JUDGED;

    /** The act a step performs for the suspects it names; empty for a step that decides for no person. */
    public static Optional<SuspectAct> of(ReferralStep step) {
        return Optional.ofNullable(
                switch (step) {
                    case REQUEST_ARREST -> ARREST_REQUESTED;
                    case APPROVE_ARREST, DENY_ARREST -> ARREST_DECIDED;
                    case PROSECUTE, DECIDE_NOT_TO_PROSECUTE -> PROSECUTION_DECIDED;
                    case ACCEPT_CASE -> COURT_ACCEPTED;
                    case RENDER_JUDGMENT -> JUDGED;
                    default -> null;
                });
    }
}
