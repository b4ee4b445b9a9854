package org.xianjie.referral.domain.process;

/**
 * Where a referral stands. A terminal state ends the referral; every deadline still open then is
 * closed (see {@link Transition#closed()}).
 */
public enum ReferralState {
    /** 移送报告: the case team (专案组) has written the referral report; the head decides next. */
    REPORTED(false),
    /** 批准移送: approved by the agency head (正职负责人或主持工作的负责人). */
    APPROVED(false),
    /** 不批准移送: refused; the reasons are on record (Decree 310 art. 5). */
    REFUSED(true),
    /** 已移送: sent to the police at the same level, copy to the procuratorate. */
    SENT(false),
    /** 已接受: the police signed the receipt (回执) and review the case for filing. */
    RECEIVED(false),
    /** 已签收待转送: the police signed the receipt but the case is not theirs to handle. */
    RECEIVED_FOR_FORWARDING(false),
    /** 已转送: forwarded to the competent authority, agency told in writing (art. 7). */
    FORWARDED(false),
    /** 已立案: filed; the criminal process runs. */
    FILED(false),
    /** 不予立案: declined with reasons, file returned (art. 8). */
    DECLINED(false),
    /** 提请复议: the agency asked the police to reconsider (art. 9). */
    RECONSIDERATION_REQUESTED(false),
    /** 复议维持不予立案: reconsideration upheld the decline. */
    DECLINE_UPHELD(false),
    /** 建议立案监督: the agency asked the procuratorate to supervise (art. 9). */
    SUPERVISION_REQUESTED(false),
    /** 要求说明不立案理由: the procuratorate asked the police to explain. */
    EXPLANATION_REQUESTED(false),
    /** 已说明理由: the police explained; the procuratorate weighs the reasons. */
    EXPLAINED(false),
    /** 通知立案: the reasons do not stand; the police must file (SPP rules art. 563). */
    FILING_ORDERED(false),
    /** 理由成立并告知: the reasons stand and the agency has been told (SPP rules art. 561). */
    REASONS_ACCEPTED(true),
    /** 退回行政执法机关: no crime found after filing; the agency handles it administratively (art. 13). */
    RETURNED_NO_CRIME(true),
    /** 提请批准逮捕 */
    ARREST_REQUESTED(false),
    /** 批准逮捕 */
    ARREST_APPROVED(false),
    /** 不批准逮捕 */
    ARREST_DENIED(false),
    /** 移送审查起诉 */
    TRANSFERRED_FOR_PROSECUTION(false),
    /** 提起公诉 */
    PROSECUTED(false),
    /** 不起诉: the reverse referral may follow. */
    NOT_PROSECUTED(false),
    /** 法院受理 */
    COURT_ACCEPTED(false),
    /** 已判决 */
    JUDGED(true),
    /** 反向衔接审查: handed to the procuratorate's administrative department for review. */
    ADMINISTRATIVE_REVIEW(false),
    /** 已制发检察意见: the procuratorial opinion (检察意见) awaits the agency's answer. */
    OPINION_SENT(false),
    /** 已回复检察意见 */
    OPINION_REPLIED(true),
    /** 结案: closed after non-prosecution without an administrative penalty being due. */
    CLOSED(true);

    private final boolean terminal;

    ReferralState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
