package org.xianjie.referral.domain.process;

/** The event a deadline is counted from. */
public enum CountFrom {
    /** The step that opens the deadline. */
    THIS_STEP,
    /**
     * The most recent receipt ({@link ReferralStep#RECEIVE}): an extended filing review still counts
     * from acceptance (自接受案件之日起), not from the day the extension was granted.
     */
    RECEIPT
}
