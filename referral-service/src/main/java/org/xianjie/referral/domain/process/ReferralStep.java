package org.xianjie.referral.domain.process;

import static org.xianjie.referral.domain.process.PartyType.ADMINISTRATIVE;
import static org.xianjie.referral.domain.process.PartyType.COURT;
import static org.xianjie.referral.domain.process.PartyType.POLICE;
import static org.xianjie.referral.domain.process.PartyType.PROCURATORATE;
import static org.xianjie.referral.domain.process.ReferralState.ADMINISTRATIVE_REVIEW;
import static org.xianjie.referral.domain.process.ReferralState.APPROVED;
import static org.xianjie.referral.domain.process.ReferralState.ARREST_APPROVED;
import static org.xianjie.referral.domain.process.ReferralState.ARREST_DENIED;
import static org.xianjie.referral.domain.process.ReferralState.ARREST_REQUESTED;
import static org.xianjie.referral.domain.process.ReferralState.CLOSED;
import static org.xianjie.referral.domain.process.ReferralState.COURT_ACCEPTED;
import static org.xianjie.referral.domain.process.ReferralState.DECLINED;
import static org.xianjie.referral.domain.process.ReferralState.DECLINE_UPHELD;
import static org.xianjie.referral.domain.process.ReferralState.EXPLAINED;
import static org.xianjie.referral.domain.process.ReferralState.EXPLANATION_REQUESTED;
import static org.xianjie.referral.domain.process.ReferralState.FILED;
import static org.xianjie.referral.domain.process.ReferralState.FILING_ORDERED;
import static org.xianjie.referral.domain.process.ReferralState.FORWARDED;
import static org.xianjie.referral.domain.process.ReferralState.JUDGED;
import static org.xianjie.referral.domain.process.ReferralState.NOT_PROSECUTED;
import static org.xianjie.referral.domain.process.ReferralState.OPINION_REPLIED;
import static org.xianjie.referral.domain.process.ReferralState.OPINION_SENT;
import static org.xianjie.referral.domain.process.ReferralState.PROSECUTED;
import static org.xianjie.referral.domain.process.ReferralState.REASONS_ACCEPTED;
import static org.xianjie.referral.domain.process.ReferralState.RECEIVED;
import static org.xianjie.referral.domain.process.ReferralState.RECEIVED_FOR_FORWARDING;
import static org.xianjie.referral.domain.process.ReferralState.RECONSIDERATION_REQUESTED;
import static org.xianjie.referral.domain.process.ReferralState.REFUSED;
import static org.xianjie.referral.domain.process.ReferralState.REPORTED;
import static org.xianjie.referral.domain.process.ReferralState.RETURNED_NO_CRIME;
import static org.xianjie.referral.domain.process.ReferralState.SENT;
import static org.xianjie.referral.domain.process.ReferralState.SUPERVISION_REQUESTED;
import static org.xianjie.referral.domain.process.ReferralState.TRANSFERRED_FOR_PROSECUTION;
import static org.xianjie.referral.domain.process.StepSpec.by;
import static org.xianjie.referral.domain.process.StepSpec.duty;
import static org.xianjie.referral.domain.process.StepSpec.dutyFromReceipt;
import static org.xianjie.referral.domain.process.StepSpec.window;
import static org.xianjie.referral.domain.time.TimeLimitCodes.APPROVAL;
import static org.xianjie.referral.domain.time.TimeLimitCodes.EXPLANATION;
import static org.xianjie.referral.domain.time.TimeLimitCodes.FILING_DECISION;
import static org.xianjie.referral.domain.time.TimeLimitCodes.FILING_DECISION_EXTENDED;
import static org.xianjie.referral.domain.time.TimeLimitCodes.FILING_DECISION_MAJOR;
import static org.xianjie.referral.domain.time.TimeLimitCodes.FILING_ORDER;
import static org.xianjie.referral.domain.time.TimeLimitCodes.FORWARDING;
import static org.xianjie.referral.domain.time.TimeLimitCodes.OPINION_REPLY;
import static org.xianjie.referral.domain.time.TimeLimitCodes.OUTCOME_TO_AGENCY;
import static org.xianjie.referral.domain.time.TimeLimitCodes.RECONSIDERATION_DECISION;
import static org.xianjie.referral.domain.time.TimeLimitCodes.RECONSIDERATION_REQUEST;
import static org.xianjie.referral.domain.time.TimeLimitCodes.REVERSE_HANDOVER;
import static org.xianjie.referral.domain.time.TimeLimitCodes.REVERSE_REVIEW;
import static org.xianjie.referral.domain.time.TimeLimitCodes.SEIZED_ITEMS_HANDOVER;
import static org.xianjie.referral.domain.time.TimeLimitCodes.SENDING;
import static org.xianjie.referral.domain.time.TimeLimitCodes.SUPERVISION_REQUEST;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every action of the referral process: who may take it, from which states, where it leads, which
 * deadlines it opens and closes. The table follows Decree 310 (articles in brackets), the SPP
 * rules on filing supervision (2019) and the SPP guideline on reverse referral (2024).
 *
 * <p>Side activities ({@link #isSideActivity()}) are recorded without changing state.
 * {@link #closes()} lists every deadline the step settles; closing one that is not open is a no-op,
 * which lets one step (e.g. {@link #FILE}) end whichever filing deadline is running.
 */
public enum ReferralStep {

    // --- forward referral, Decree 310 ---

    /** 提出移送报告: the case team (2+ officers) reports; the head has 3 days (5). */
    REPORT(by(ADMINISTRATIVE).starts().to(REPORTED).opens(duty(APPROVAL, ADMINISTRATIVE))),
    /** 批准移送: the agency head approves; sending within 24 hours (5). */
    APPROVE(by(ADMINISTRATIVE)
            .head()
            .from(REPORTED)
            .to(APPROVED)
            .closes(APPROVAL)
            .opens(duty(SENDING, ADMINISTRATIVE))),
    /** 不批准移送: the agency head refuses; reasons recorded (5). */
    REFUSE(by(ADMINISTRATIVE).head().reasons().from(REPORTED).to(REFUSED).closes(APPROVAL)),
    /** 移送: to the police at the same level with the art. 6 attachments; copy to the procuratorate. */
    SEND(by(ADMINISTRATIVE).from(APPROVED).to(SENT).closes(SENDING).notifies(POLICE, PROCURATORATE)),
    /** 签收回执: the police sign the receipt and review the case; decision within 3 days (7, 8). */
    RECEIVE(by(POLICE)
            .from(SENT, FORWARDED)
            .to(RECEIVED)
            .opens(duty(FILING_DECISION, POLICE))
            .notifies(ADMINISTRATIVE)),
    /** 签收回执（非本机关管辖）: signed, but the case belongs elsewhere; forward within 24 hours (7). */
    RECEIVE_OUT_OF_JURISDICTION(by(POLICE)
            .from(SENT, FORWARDED)
            .to(RECEIVED_FOR_FORWARDING)
            .opens(duty(FORWARDING, POLICE))
            .notifies(ADMINISTRATIVE)),
    /** 转送: to the competent authority, agency told in writing (7). */
    FORWARD(by(POLICE)
            .from(RECEIVED_FOR_FORWARDING, RECEIVED)
            .to(FORWARDED)
            .closes(FORWARDING, FILING_DECISION, FILING_DECISION_EXTENDED, FILING_DECISION_MAJOR)
            .notifies(ADMINISTRATIVE)),
    /**
     * 延长立案审查期限: to 10 days from acceptance (police rules). Side activity. The service
     * should not take it after {@link #EXTEND_FILING_REVIEW_MAJOR}, which already gives 30 days.
     */
    EXTEND_FILING_REVIEW(by(POLICE)
            .from(RECEIVED)
            .stays()
            .closes(FILING_DECISION)
            .opens(dutyFromReceipt(FILING_DECISION_EXTENDED, POLICE))),
    /**
     * 重大复杂案件延长立案审查期限: to 30 days from acceptance, with the approval of a police head
     * (批准文书, see {@link AttachmentRule}). Side activity.
     */
    EXTEND_FILING_REVIEW_MAJOR(by(POLICE)
            .from(RECEIVED)
            .stays()
            .closes(FILING_DECISION, FILING_DECISION_EXTENDED)
            .opens(dutyFromReceipt(FILING_DECISION_MAJOR, POLICE))),
    /**
     * 立案: file and notify the agency in writing (8); also after reconsideration (9), instead of
     * explaining, or on the procuratorate's order (SPP rules art. 563). Opens the 3-day hand-over
     * of seized items (12).
     */
    FILE(by(POLICE)
            .from(RECEIVED, RECONSIDERATION_REQUESTED, EXPLANATION_REQUESTED, FILING_ORDERED)
            .to(FILED)
            .closes(
                    FILING_DECISION,
                    FILING_DECISION_EXTENDED,
                    FILING_DECISION_MAJOR,
                    RECONSIDERATION_DECISION,
                    EXPLANATION,
                    FILING_ORDER)
            .opens(duty(SEIZED_ITEMS_HANDOVER, ADMINISTRATIVE))
            .notifies(ADMINISTRATIVE)),
    /** 不予立案: decline with reasons and return the file (8); the agency may ask for reconsideration within 3 days (9). */
    DECLINE(by(POLICE)
            .reasons()
            .from(RECEIVED)
            .to(DECLINED)
            .closes(FILING_DECISION, FILING_DECISION_EXTENDED, FILING_DECISION_MAJOR)
            .opens(window(RECONSIDERATION_REQUEST, ADMINISTRATIVE))
            .notifies(ADMINISTRATIVE)),
    /** 移交涉案物品: after the filing notice, within 3 days (12). Side activity. */
    HAND_OVER_SEIZED_ITEMS(by(ADMINISTRATIVE)
            .from(FILED, ARREST_REQUESTED, ARREST_APPROVED, ARREST_DENIED, TRANSFERRED_FOR_PROSECUTION)
            .stays()
            .closes(SEIZED_ITEMS_HANDOVER)
            .notifies(POLICE)),

    // --- reconsideration and filing supervision ---

    /** 提请复议: the police decide within 3 days (9). */
    REQUEST_RECONSIDERATION(by(ADMINISTRATIVE)
            .reasons()
            .from(DECLINED)
            .to(RECONSIDERATION_REQUESTED)
            .closes(RECONSIDERATION_REQUEST)
            .opens(duty(RECONSIDERATION_DECISION, POLICE))
            .notifies(POLICE)),
    /** 复议维持不予立案: the agency may ask for supervision within 3 days (9). */
    UPHOLD_DECLINE(by(POLICE)
            .reasons()
            .from(RECONSIDERATION_REQUESTED)
            .to(DECLINE_UPHELD)
            .closes(RECONSIDERATION_DECISION)
            .opens(window(SUPERVISION_REQUEST, ADMINISTRATIVE))
            .notifies(ADMINISTRATIVE)),
    /** 建议人民检察院立案监督: instead of or after reconsideration (9). */
    REQUEST_SUPERVISION(by(ADMINISTRATIVE)
            .reasons()
            .from(DECLINED, DECLINE_UPHELD)
            .to(SUPERVISION_REQUESTED)
            .closes(RECONSIDERATION_REQUEST, SUPERVISION_REQUEST)
            .notifies(PROCURATORATE)),
    /**
     * 要求说明不立案理由: on the agency's request or on the procuratorate's own initiative; the police
     * explain within 7 days (SPP rules art. 560).
     */
    REQUEST_EXPLANATION(by(PROCURATORATE)
            .from(SUPERVISION_REQUESTED, DECLINED, DECLINE_UPHELD)
            .to(EXPLANATION_REQUESTED)
            .closes(RECONSIDERATION_REQUEST, SUPERVISION_REQUEST)
            .opens(duty(EXPLANATION, POLICE))
            .notifies(POLICE)),
    /**
     * 说明不立案理由. Opens the procuratorate's 10 days to tell the agency (art. 561): the rule counts
     * them from its finding that the reasons stand, which the platform does not see, so they count
     * from the explanation (earlier, never later, than the law's start).
     */
    EXPLAIN(by(POLICE)
            .reasons()
            .from(EXPLANATION_REQUESTED)
            .to(EXPLAINED)
            .closes(EXPLANATION)
            .opens(duty(OUTCOME_TO_AGENCY, PROCURATORATE))
            .notifies(PROCURATORATE)),
    /** 通知立案: the reasons do not stand; the police file within 15 days (art. 563). */
    ORDER_FILING(by(PROCURATORATE)
            .reasons()
            .from(EXPLAINED)
            .to(FILING_ORDERED)
            .closes(OUTCOME_TO_AGENCY)
            .opens(duty(FILING_ORDER, POLICE))
            .notifies(POLICE, ADMINISTRATIVE)),
    /** 不立案理由成立，告知行政执法机关 (art. 561). */
    ACCEPT_REASONS(by(PROCURATORATE)
            .reasons()
            .from(EXPLAINED, SUPERVISION_REQUESTED)
            .to(REASONS_ACCEPTED)
            .closes(OUTCOME_TO_AGENCY)
            .notifies(ADMINISTRATIVE)),

    // --- criminal process after filing ---

    /** 提请批准逮捕 */
    REQUEST_ARREST(by(POLICE).from(FILED, ARREST_DENIED).to(ARREST_REQUESTED).notifies(PROCURATORATE)),
    /** 批准逮捕 */
    APPROVE_ARREST(by(PROCURATORATE).from(ARREST_REQUESTED).to(ARREST_APPROVED).notifies(POLICE)),
    /** 不批准逮捕 */
    DENY_ARREST(
            by(PROCURATORATE).reasons().from(ARREST_REQUESTED).to(ARREST_DENIED).notifies(POLICE)),
    /** 移送审查起诉 */
    TRANSFER_FOR_PROSECUTION(by(POLICE)
            .from(FILED, ARREST_APPROVED, ARREST_DENIED)
            .to(TRANSFERRED_FOR_PROSECUTION)
            .notifies(PROCURATORATE)),
    /** 撤案并移送行政执法机关: no crime, or too slight to prosecute, but a penalty is due (13, 10). */
    RETURN_NO_CRIME(by(POLICE)
            .reasons()
            .from(FILED, ARREST_APPROVED, ARREST_DENIED)
            .to(RETURNED_NO_CRIME)
            .notifies(ADMINISTRATIVE)),
    /** 提起公诉 */
    PROSECUTE(by(PROCURATORATE).from(TRANSFERRED_FOR_PROSECUTION).to(PROSECUTED).notifies(COURT)),
    /** 不起诉: the criminal department has 3 working days to hand the case on for an opinion (2024 guideline). */
    DECIDE_NOT_TO_PROSECUTE(by(PROCURATORATE)
            .reasons()
            .from(TRANSFERRED_FOR_PROSECUTION)
            .to(NOT_PROSECUTED)
            .opens(duty(REVERSE_HANDOVER, PROCURATORATE))
            .notifies(POLICE)),
    /** 法院受理 */
    ACCEPT_CASE(by(COURT).from(PROSECUTED).to(COURT_ACCEPTED)),
    /** 作出判决 */
    RENDER_JUDGMENT(by(COURT).from(COURT_ACCEPTED).to(JUDGED)),

    // --- reverse referral (反向衔接) ---

    /**
     * 登记不起诉案件: opens a reverse referral for a non-prosecution the platform did not follow from
     * the start (e.g. a case the police found themselves).
     */
    RECORD_NON_PROSECUTION(by(PROCURATORATE).starts().to(NOT_PROSECUTED).opens(duty(REVERSE_HANDOVER, PROCURATORATE))),
    /** 移送行政检察部门: review within 10 working days (2024 guideline). */
    HAND_OVER_FOR_REVIEW(by(PROCURATORATE)
            .from(NOT_PROSECUTED)
            .to(ADMINISTRATIVE_REVIEW)
            .closes(REVERSE_HANDOVER)
            .opens(duty(REVERSE_REVIEW, PROCURATORATE))),
    /** 制发检察意见: the agency must answer; 2 months is the widely cited rule (configurable). */
    SEND_OPINION(by(PROCURATORATE)
            .from(ADMINISTRATIVE_REVIEW)
            .to(OPINION_SENT)
            .closes(REVERSE_REVIEW)
            .opens(duty(OPINION_REPLY, ADMINISTRATIVE))
            .notifies(ADMINISTRATIVE)),
    /** 无需给予行政处罚，结案 */
    CLOSE_NO_PENALTY_DUE(by(PROCURATORATE)
            .reasons()
            .from(NOT_PROSECUTED, ADMINISTRATIVE_REVIEW)
            .to(CLOSED)
            .closes(REVERSE_HANDOVER, REVERSE_REVIEW)),
    /** 跟进督促: unanswered opinions are followed up. Side activity. */
    FOLLOW_UP_OPINION(by(PROCURATORATE).from(OPINION_SENT).stays().notifies(ADMINISTRATIVE)),
    /** 回复检察意见 */
    REPLY_TO_OPINION(by(ADMINISTRATIVE)
            .from(OPINION_SENT)
            .to(OPINION_REPLIED)
            .closes(OPINION_REPLY)
            .notifies(PROCURATORATE)),

    // --- cooperation before sending (side activities) ---

    /** 商请提前介入: the agency asks the police to step in early on a major case. */
    REQUEST_EARLY_INTERVENTION(
            by(ADMINISTRATIVE).from(REPORTED, APPROVED).stays().notifies(POLICE)),
    /** 提前介入答复 */
    ANSWER_EARLY_INTERVENTION(by(POLICE).from(REPORTED, APPROVED, SENT).stays().notifies(ADMINISTRATIVE)),
    /** 案件咨询: to the police or the procuratorate; the service routes it to the one the agency names. */
    REQUEST_CONSULTATION(by(ADMINISTRATIVE)
            .from(REPORTED, APPROVED, DECLINED, DECLINE_UPHELD)
            .stays()),
    /** 咨询答复 */
    ANSWER_CONSULTATION(by(POLICE, PROCURATORATE)
            .from(REPORTED, APPROVED, DECLINED, DECLINE_UPHELD)
            .stays()
            .notifies(ADMINISTRATIVE));

    private final Set<PartyType> actors;
    private final boolean requiresHead;
    private final boolean requiresReasons;
    private final boolean start;
    private final Set<ReferralState> allowedFrom;
    private final ReferralState leadsTo;
    private final List<OpenedDeadline> opens;
    private final Set<String> closes;
    private final Set<PartyType> notifies;

    ReferralStep(StepSpec spec) {
        this.actors = Collections.unmodifiableSet(EnumSet.copyOf(spec.actors));
        this.requiresHead = spec.head;
        this.requiresReasons = spec.reasons;
        this.start = spec.start;
        this.allowedFrom = Collections.unmodifiableSet(
                spec.from.isEmpty() ? EnumSet.noneOf(ReferralState.class) : EnumSet.copyOf(spec.from));
        this.leadsTo = spec.to;
        this.opens = List.copyOf(spec.opens);
        this.closes = Collections.unmodifiableSet(new LinkedHashSet<>(spec.closes));
        this.notifies = Collections.unmodifiableSet(
                spec.notifies.isEmpty() ? EnumSet.noneOf(PartyType.class) : EnumSet.copyOf(spec.notifies));
    }

    /** The party types that may take this step. */
    public Set<PartyType> actors() {
        return actors;
    }

    /** Only a holder of the {@value ReferralStateMachine#HEAD_ROLE} role may take it (approval, refusal). */
    public boolean requiresHead() {
        return requiresHead;
    }

    /** The reasons must be recorded with the step; the service rejects it without them. */
    public boolean requiresReasons() {
        return requiresReasons;
    }

    /** Opens a new referral instead of moving one; {@link #allowedFrom()} is empty. */
    public boolean isStart() {
        return start;
    }

    /** The states the step may be taken in. */
    public Set<ReferralState> allowedFrom() {
        return allowedFrom;
    }

    /** The state the step leads to; empty for a side activity, which leaves the state as it is. */
    public Optional<ReferralState> leadsTo() {
        return Optional.ofNullable(leadsTo);
    }

    public boolean isSideActivity() {
        return leadsTo == null;
    }

    /** Deadlines the step opens. */
    public List<OpenedDeadline> opens() {
        return opens;
    }

    /** Codes of the deadlines the step settles, if open. */
    public Set<String> closes() {
        return closes;
    }

    /** Parties the step must be communicated to in writing (书面通知/告知/抄送); others may still see it. */
    public Set<PartyType> notifies() {
        return notifies;
    }
}
