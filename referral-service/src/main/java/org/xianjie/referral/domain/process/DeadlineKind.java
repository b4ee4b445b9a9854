package org.xianjie.referral.domain.process;

/** Whether missing a deadline is a breach or only the loss of an option. */
public enum DeadlineKind {
    /** The party must act in time; once passed the case is overdue (超期). */
    DUTY,
    /**
     * The party may act in time (可以…提请复议); once passed the option lapses, which is not a
     * breach. The service should flag a late request, not refuse it: the law does not say the
     * receiver must reject it.
     */
    WINDOW
}
