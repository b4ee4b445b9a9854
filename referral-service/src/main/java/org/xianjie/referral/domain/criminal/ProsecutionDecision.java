package org.xianjie.referral.domain.criminal;

/** 审查起诉 per suspect. */
public enum ProsecutionDecision {
    /** 提起公诉 */
    PROSECUTED,
    /** 不起诉 */
    NOT_PROSECUTED
}
