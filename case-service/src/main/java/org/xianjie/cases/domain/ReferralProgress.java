package org.xianjie.cases.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a referral step means for the administrative case: sending (移送) makes it REFERRED; a
 * return for administrative handling (no crime found, 不起诉 with reverse referral 反向衔接) makes
 * it RETURNED. Matched on the step and state names loosely, so that new steps of the referral
 * process do not need a release here.
 */
public final class ReferralProgress {

    private ReferralProgress() {
    }

    /** The case state the step leads to, or empty if the step does not change it. */
    public static Optional<CaseState> caseStateAfter(CaseState current, String step, String referralState) {
        String s = step == null ? "" : step.toUpperCase(Locale.ROOT);
        String r = referralState == null ? "" : referralState.toUpperCase(Locale.ROOT);
        if (s.contains("RETURN") || s.startsWith("REVERSE") || r.startsWith("RETURNED")
                || r.equals("ADMINISTRATIVE_REVIEW") || r.equals("OPINION_SENT")) {
            // Only a case that is with the police or procuratorate can come back; a closed one stays closed.
            return current == CaseState.REFERRED ? Optional.of(CaseState.RETURNED) : Optional.empty();
        }
        if ((s.equals("SEND") || r.equals("SENT")) && current != CaseState.REFERRED) {
            return Optional.of(CaseState.REFERRED);
        }
        return Optional.empty();
    }
}
