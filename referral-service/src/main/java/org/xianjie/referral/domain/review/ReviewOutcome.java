package org.xianjie.referral.domain.review;

/** What a procuratorate's review of a penalty decision (行政处罚决定审查) found. */
public enum ReviewOutcome {
    /** 未发现问题: the decision stands; no referral was missed. */
    NO_ISSUE,
    /** 发现线索: the review raised a supervision lead (possible 以罚代刑). */
    LEAD_RAISED,
    /** 制发检察建议/意见: the procuratorate advises the agency. */
    PROCURATORIAL_ADVICE
}
