package org.xianjie.referral.domain.criminal;

/** 判决结果 per defendant. */
public enum Verdict {
    /** 有罪判决，判处刑罚 */
    GUILTY,
    /** 有罪但免予刑事处罚 (Criminal Law art. 37) */
    GUILTY_EXEMPT_FROM_PUNISHMENT,
    /** 无罪 */
    NOT_GUILTY
}
