package org.xianjie.referral.domain.time;

import java.util.List;

/**
 * The codes of the statutory time limits the referral process opens. The process refers to
 * them by code; {@code rules/time-limits.json} gives each one its amount, unit and source.
 */
public final class TimeLimitCodes {

    /** 批准或不批准移送: the agency head decides within 3 days of the report (Decree 310 art. 5). */
    public static final String APPROVAL = "APPROVAL";
    /** 移送: sent to the police within 24 hours of approval (art. 5). */
    public static final String SENDING = "SENDING";
    /** 转送: a police not competent forwards within 24 hours of receipt (art. 7). */
    public static final String FORWARDING = "FORWARDING";
    /** 立案审查: file or decline within 3 days of acceptance (art. 8). */
    public static final String FILING_DECISION = "FILING_DECISION";
    /** 延长立案审查: extended to 10 days from acceptance (police rules). */
    public static final String FILING_DECISION_EXTENDED = "FILING_DECISION_EXTENDED";
    /** 重大复杂案件延长立案审查: extended to 30 days from acceptance, with approval (police rules). */
    public static final String FILING_DECISION_MAJOR = "FILING_DECISION_MAJOR";
    /** 移交涉案物品: within 3 days of the filing notice (art. 12). */
    public static final String SEIZED_ITEMS_HANDOVER = "SEIZED_ITEMS_HANDOVER";
    /** 提请复议: the agency may ask within 3 days of a decline (art. 9); a window, not a duty. */
    public static final String RECONSIDERATION_REQUEST = "RECONSIDERATION_REQUEST";
    /** 复议决定: the police decide within 3 days of the request (art. 9). */
    public static final String RECONSIDERATION_DECISION = "RECONSIDERATION_DECISION";
    /** 建议立案监督: within 3 days of the reconsideration decision (art. 9); a window. */
    public static final String SUPERVISION_REQUEST = "SUPERVISION_REQUEST";
    /** 说明不立案理由: the police explain within 7 days (SPP rules 2019 art. 560). */
    public static final String EXPLANATION = "EXPLANATION";
    /** 通知立案后立案: the police file within 15 days of the order (SPP rules 2019 art. 563). */
    public static final String FILING_ORDER = "FILING_ORDER";
    /** 告知行政执法机关: the procuratorate tells the agency within 10 days (SPP rules 2019 art. 561). */
    public static final String OUTCOME_TO_AGENCY = "OUTCOME_TO_AGENCY";
    /** 反向衔接移送: criminal to administrative department within 3 working days (SPP guideline 2024). */
    public static final String REVERSE_HANDOVER = "REVERSE_HANDOVER";
    /** 反向衔接审查: review within 10 working days (SPP guideline 2024). */
    public static final String REVERSE_REVIEW = "REVERSE_REVIEW";
    /** 检察意见回复: the agency answers within 2 months (configurable). */
    public static final String OPINION_REPLY = "OPINION_REPLY";
    /** 监督移送: the agency refers the case the procuratorate asked it to refer (escalated lead). */
    public static final String REFERRAL_ON_REQUEST = "REFERRAL_ON_REQUEST";
    /** 不刑不罚: a case handed back for administrative handling is penalised within 2 months (configurable). */
    public static final String PENALTY_AFTER_RETURN = "PENALTY_AFTER_RETURN";

    /** Every code, in the order of the process. */
    public static final List<String> ALL = List.of(
            APPROVAL,
            SENDING,
            FORWARDING,
            FILING_DECISION,
            FILING_DECISION_EXTENDED,
            FILING_DECISION_MAJOR,
            SEIZED_ITEMS_HANDOVER,
            RECONSIDERATION_REQUEST,
            RECONSIDERATION_DECISION,
            SUPERVISION_REQUEST,
            EXPLANATION,
            FILING_ORDER,
            OUTCOME_TO_AGENCY,
            REVERSE_HANDOVER,
            REVERSE_REVIEW,
            OPINION_REPLY,
            REFERRAL_ON_REQUEST,
            PENALTY_AFTER_RETURN);

    /** The limits leads follow outside any referral's steps (a request to refer, 不刑不罚). */
    public static final List<String> FOLLOWED_BY_LEADS = List.of(REFERRAL_ON_REQUEST, PENALTY_AFTER_RETURN);

    private TimeLimitCodes() {}
}
