package org.xianjie.cases.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a referral step means for the administrative case: sending (移送) makes it REFERRED; a
 * return for administrative handling (no crime found, 不起诉 with reverse referral 反向衔接) makes
 * it RETURNED. Matched on the step and state names loosely, so that new steps of the referral
 * process do not need a release here.
 */
public final class ReferralProgress {

    private ReferralProgress() {}

    /** The case state the step leads to, or empty if the step does not change it. */
    public static Optional<CaseState> caseStateAfter(CaseState current, String step, String referralState) {
        String s = step == null ? "" : step.toUpperCase(Locale.ROOT);
        String r = referralState == null ? "" : referralState.toUpperCase(Locale.ROOT);
        if (s.contains("RETURN")
                || s.startsWith("REVERSE")
                || r.startsWith("RETURNED")
                || r.equals("ADMINISTRATIVE_REVIEW")
                || r.equals("OPINION_SENT")) {
            // Only a case that is with the police or procuratorate can come back; a closed one stays closed.
            return current == CaseState.REFERRED ? Optional.of(CaseState.RETURNED) : Optional.empty();
        }
        if ((s.equals("SEND") || r.equals("SENT")) && current != CaseState.REFERRED) {
            return Optional.of(CaseState.REFERRED);
        }
        return Optional.empty();
    }

    /** Referral states in which the referral has not gone to the police. */
    private static final Set<String> BEFORE_SENDING = Set.of("REPORTED", "APPROVED", "REFUSED");
    /** Steps by which the agency asks the police in before sending (提前介入, 咨询). */
    private static final Set<String> INVITING_POLICE = Set.of(
            "REQUEST_EARLY_INTERVENTION", "REQUEST_CONSULTATION", "ANSWER_EARLY_INTERVENTION", "ANSWER_CONSULTATION");

    /**
     * The agencies a referral event makes readers of the case: the parties it names, except the
     * police before the referral is sent unless the step brings them in early. referral-service
     * names the police only from then on; this holds the line for events of older versions too.
     */
    public static List<String> readers(
            String step, String referralState, String agency, String police, String procuratorate, String court) {
        String s = step == null ? "" : step.toUpperCase(Locale.ROOT);
        String r = referralState == null ? "" : referralState.toUpperCase(Locale.ROOT);
        boolean policeIn = !BEFORE_SENDING.contains(r) || INVITING_POLICE.contains(s);
        return java.util.stream.Stream.of(agency, policeIn ? police : null, procuratorate, court)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }
}
