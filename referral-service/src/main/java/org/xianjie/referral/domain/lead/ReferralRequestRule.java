package org.xianjie.referral.domain.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a procuratorate's request that the agency refer a case (监督移送, from an escalated lead)
 * stands. Pure: the worker supplies the facts.
 */
public final class ReferralRequestRule {

    /** What the follow-up should do now. */
    public enum Status {
        /** The agency opened a referral of the case: the request is met. */
        MET,
        /** The limit passed with no referral, and this was not announced yet. */
        NEWLY_OVERDUE,
        /** Still within the limit, or overdue and already announced: nothing to do. */
        WAITING
    }

    private ReferralRequestRule() {}

    /**
     * @param dueAt            end of the agency's limit
     * @param overdueAnnounced the overdue state was already announced
     * @param referralOpened   a referral of the case exists
     * @param now              the time of the check
     */
    public static Status status(Instant dueAt, boolean overdueAnnounced, boolean referralOpened, Instant now) {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(now, "now");
        if (referralOpened) {
            return Status.MET;
        }
        return now.isAfter(dueAt) && !overdueAnnounced ? Status.NEWLY_OVERDUE : Status.WAITING;
    }
}
