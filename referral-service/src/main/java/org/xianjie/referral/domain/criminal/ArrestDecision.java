package org.xianjie.referral.domain.criminal;

/** 审查逮捕 per suspect. */
public enum ArrestDecision {
    /** 批准逮捕 */
    APPROVED,
    /** 不批准逮捕 */
    NOT_APPROVED
}
