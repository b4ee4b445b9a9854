package org.xianjie.notification.domain;

import static org.xianjie.notification.domain.Audience.ADDRESSEES;
import static org.xianjie.notification.domain.Audience.AGENCY;
import static org.xianjie.notification.domain.Audience.ALL_PARTIES;
import static org.xianjie.notification.domain.Audience.COURT;
import static org.xianjie.notification.domain.Audience.NEW_ADDRESSEES;
import static org.xianjie.notification.domain.Audience.POLICE;
import static org.xianjie.notification.domain.Audience.PROCURATORATE;
import static org.xianjie.notification.domain.Audience.RESPONSIBLE;
import static org.xianjie.notification.domain.Audience.SENDER;
import static org.xianjie.notification.domain.Urgency.ACTION;
import static org.xianjie.notification.domain.Urgency.INFO;
import static org.xianjie.notification.domain.Urgency.URGENT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.SharingEventTypes;

/**
 * The routing table (路由表): for each referral step (keyed by step name, e.g. {@code SEND}) and
 * each other event type (keyed by the CloudEvent type) who must be told and how urgently.
 * docs/notifications.md shows the same table. A step this table does not know goes to every
 * party as INFO ({@link #fallback}), so a step added to the process is never lost.
 */
public final class RoutingTable {

    public static final String HEAD = "head";

    private final Map<String, RoutingRule> rules;

    public RoutingTable(Collection<RoutingRule> rules) {
        Map<String, RoutingRule> map = new LinkedHashMap<>();
        rules.forEach(rule -> map.put(rule.key(), rule));
        this.rules = Map.copyOf(map);
    }

    /** The rule for a referral step, a case/lead/deadline event type, or the fallback. */
    public RoutingRule ruleFor(String eventType, String step) {
        RoutingRule rule = step != null ? rules.get(step) : rules.get(eventType);
        return rule != null ? rule : fallback(step != null ? step : eventType);
    }

    public boolean knows(String key) {
        return rules.containsKey(key);
    }

    public Collection<RoutingRule> rules() {
        return rules.values();
    }

    static RoutingRule fallback(String key) {
        return new RoutingRule(
                key,
                List.of(Route.to(ALL_PARTIES, INFO)),
                "案件进展 {case}（" + key + "）",
                "Progress on {case} (" + key + ")");
    }

    /** The built-in table, following DOMAIN.md: who must act next gets ACTION, copies get INFO. */
    public static RoutingTable standard() {
        List<RoutingRule> r = new ArrayList<>();
        // forward referral, Decree 310
        r.add(rule(
                "REPORT",
                "待审批移送报告 {case}",
                "Referral report awaits approval: {case}",
                Route.toRole(AGENCY, HEAD, ACTION)));
        r.add(rule(
                "APPROVE",
                "移送已批准，请于24小时内移送 {case}",
                "Referral approved, send within 24 hours: {case}",
                Route.to(AGENCY, ACTION)));
        r.add(rule("REFUSE", "移送未获批准 {case}", "Referral refused: {case}", Route.to(AGENCY, INFO)));
        r.add(rule(
                "SEND",
                "收到移送案件 {case}",
                "Referral received: {case}",
                Route.to(POLICE, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule("RECEIVE", "公安机关已签收 {case}", "Police signed the receipt: {case}", Route.to(AGENCY, INFO)));
        r.add(rule(
                "RECEIVE_OUT_OF_JURISDICTION",
                "公安机关签收（非本机关管辖）{case}",
                "Police signed, not its jurisdiction: {case}",
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "FORWARD",
                "案件已转送 {case}",
                "Referral forwarded: {case}",
                Route.to(AGENCY, INFO),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "EXTEND_FILING_REVIEW",
                "立案审查期限延长 {case}",
                "Filing review extended: {case}",
                Route.to(AGENCY, INFO),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "EXTEND_FILING_REVIEW_MAJOR",
                "重大复杂案件立案审查期限延长 {case}",
                "Filing review extended (major case): {case}",
                Route.to(AGENCY, INFO),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "FILE",
                "已立案，请于3日内移交涉案物品 {case}",
                "Case filed, hand over seized items within 3 days: {case}",
                Route.to(AGENCY, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "DECLINE",
                "不予立案，可于3日内提请复议 {case}",
                "Filing declined, reconsideration within 3 days: {case}",
                Route.to(AGENCY, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "HAND_OVER_SEIZED_ITEMS",
                "涉案物品移交 {case}",
                "Seized items handed over: {case}",
                Route.to(POLICE, ACTION)));
        // reconsideration and filing supervision
        r.add(rule(
                "REQUEST_RECONSIDERATION",
                "提请复议，请于3日内决定 {case}",
                "Reconsideration requested, decide within 3 days: {case}",
                Route.to(POLICE, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "UPHOLD_DECLINE",
                "复议维持不予立案 {case}",
                "Decline upheld on reconsideration: {case}",
                Route.to(AGENCY, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "REQUEST_SUPERVISION",
                "建议立案监督 {case}",
                "Filing supervision requested: {case}",
                Route.to(PROCURATORATE, ACTION),
                Route.to(POLICE, INFO)));
        r.add(rule(
                "REQUEST_EXPLANATION",
                "要求说明不立案理由，7日内 {case}",
                "Explain non-filing within 7 days: {case}",
                Route.to(POLICE, ACTION),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "EXPLAIN",
                "公安机关已说明不立案理由 {case}",
                "Police explained non-filing: {case}",
                Route.to(PROCURATORATE, ACTION),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "ORDER_FILING",
                "通知立案，15日内 {case}",
                "Ordered to file within 15 days: {case}",
                Route.to(POLICE, ACTION),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "ACCEPT_REASONS",
                "不立案理由成立 {case}",
                "Non-filing reasons accepted: {case}",
                Route.to(AGENCY, INFO),
                Route.to(POLICE, INFO)));
        // criminal process after filing
        r.add(rule(
                "REQUEST_ARREST",
                "提请批准逮捕 {case}",
                "Arrest approval requested: {case}",
                Route.to(PROCURATORATE, ACTION)));
        r.add(rule(
                "APPROVE_ARREST",
                "批准逮捕 {case}",
                "Arrest approved: {case}",
                Route.to(POLICE, ACTION),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "DENY_ARREST",
                "不批准逮捕 {case}",
                "Arrest denied: {case}",
                Route.to(POLICE, INFO),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "TRANSFER_FOR_PROSECUTION",
                "移送审查起诉 {case}",
                "Transferred for prosecution: {case}",
                Route.to(PROCURATORATE, ACTION),
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "RETURN_NO_CRIME",
                "撤案并移送行政处理 {case}",
                "Returned for administrative penalty: {case}",
                Route.to(AGENCY, ACTION),
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                "PROSECUTE",
                "提起公诉 {case}",
                "Prosecuted: {case}",
                Route.to(COURT, ACTION),
                Route.to(AGENCY, INFO),
                Route.to(POLICE, INFO)));
        r.add(rule(
                "DECIDE_NOT_TO_PROSECUTE",
                "不起诉决定 {case}",
                "Decided not to prosecute: {case}",
                Route.to(POLICE, INFO),
                Route.to(AGENCY, INFO)));
        r.add(rule("ACCEPT_CASE", "法院已受理 {case}", "Court accepted the case: {case}", Route.to(ALL_PARTIES, INFO)));
        r.add(rule("RENDER_JUDGMENT", "法院已判决 {case}", "Judgment rendered: {case}", Route.to(ALL_PARTIES, INFO)));
        // reverse referral
        r.add(rule(
                "RECORD_NON_PROSECUTION",
                "不起诉案件已登记 {case}",
                "Non-prosecution recorded: {case}",
                Route.to(AGENCY, INFO)));
        r.add(rule("HAND_OVER_FOR_REVIEW", "移送行政检察部门 {case}", "Handed to administrative prosecution: {case}"));
        r.add(rule(
                "SEND_OPINION",
                "收到检察意见，请按期回复 {case}",
                "Procuratorial opinion received, reply due: {case}",
                Route.to(AGENCY, ACTION)));
        r.add(rule(
                "CLOSE_NO_PENALTY_DUE", "无需行政处罚，结案 {case}", "Closed, no penalty due: {case}", Route.to(AGENCY, INFO)));
        r.add(rule(
                "FOLLOW_UP_OPINION",
                "检察意见跟进督促 {case}",
                "Follow-up on the procuratorial opinion: {case}",
                Route.to(AGENCY, URGENT)));
        r.add(rule("REPLY_TO_OPINION", "检察意见已回复 {case}", "Opinion answered: {case}", Route.to(PROCURATORATE, INFO)));
        // cooperation before sending
        r.add(rule(
                "REQUEST_EARLY_INTERVENTION",
                "商请提前介入 {case}",
                "Early intervention requested: {case}",
                Route.to(POLICE, ACTION)));
        r.add(rule(
                "ANSWER_EARLY_INTERVENTION",
                "提前介入答复 {case}",
                "Early intervention answered: {case}",
                Route.to(AGENCY, INFO)));
        r.add(rule(
                "REQUEST_CONSULTATION",
                "案件咨询 {case}",
                "Consultation requested: {case}",
                Route.to(POLICE, ACTION),
                Route.to(PROCURATORATE, ACTION)));
        r.add(rule("ANSWER_CONSULTATION", "咨询答复 {case}", "Consultation answered: {case}", Route.to(AGENCY, INFO)));
        // time limits
        r.add(rule(
                ReferralEventTypes.DEADLINE_REMINDER,
                "期限即将届满：{deadline} {case}",
                "Time limit ending soon: {deadline} {case}",
                Route.to(RESPONSIBLE, ACTION)));
        r.add(rule(
                ReferralEventTypes.DEADLINE_BREACHED,
                "期限已超过：{deadline} {case}",
                "Time limit breached: {deadline} {case}",
                Route.to(RESPONSIBLE, URGENT),
                Route.to(PROCURATORATE, URGENT)));
        // supervision leads
        r.add(rule(
                ReferralEventTypes.LEAD_RAISED,
                "新的监督线索 {case}",
                "New supervision lead: {case}",
                Route.to(PROCURATORATE, ACTION)));
        r.add(rule(
                ReferralEventTypes.LEAD_DISMISSED,
                "监督线索已排除 {case}",
                "Supervision lead dismissed: {case}",
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(
                ReferralEventTypes.LEAD_ESCALATED,
                "线索转立案监督 {case}",
                "Lead turned into filing supervision: {case}",
                Route.to(AGENCY, ACTION),
                Route.to(PROCURATORATE, INFO)));
        // A review of a penalty decision is the reviewing procuratorate's own act; no other party must
        // be told (a procuratorial opinion reaches the agency through the reverse referral's SEND_OPINION).
        r.add(rule(ReferralEventTypes.PENALTY_DECISION_REVIEWED, "", ""));
        // Suspects and per-person decisions: the step that decided already told the parties.
        r.add(rule(ReferralEventTypes.SUSPECT_RECORDED, "", ""));
        r.add(rule(ReferralEventTypes.SUSPECT_DECIDED, "", ""));
        // administrative cases: only the penalty decision concerns another party (the procuratorate reviews it)
        r.add(rule(
                CaseEventTypes.PENALTY_DECIDED,
                "行政处罚决定待审查 {case}",
                "Penalty decision to review: {case}",
                Route.to(PROCURATORATE, INFO)));
        // the procuratorate that reviews penalty decisions learns that one no longer stands
        r.add(rule(
                CaseEventTypes.PENALTY_REVOKED,
                "行政处罚决定已撤销 {case}",
                "Penalty decision revoked: {case}",
                Route.to(PROCURATORATE, INFO)));
        r.add(rule(CaseEventTypes.OPENED, "", ""));
        r.add(rule(CaseEventTypes.FACTS_RECORDED, "", ""));
        r.add(rule(CaseEventTypes.EVIDENCE_ADDED, "", ""));
        r.add(rule(CaseEventTypes.CLOSED, "", ""));
        r.add(rule(CaseEventTypes.REFERRAL_STATUS_CHANGED, "", ""));
        sharing(r);
        return new RoutingTable(r);
    }

    /**
     * Information sharing (docs/information-sharing.md): whoever must reply gets ACTION, the sender
     * learns of each reply, and only the sender and the addressees ever hear of an item.
     */
    private static void sharing(List<RoutingRule> r) {
        r.add(rule(
                SharingEventTypes.BULLETIN_ISSUED,
                "重大案件通报：{case}",
                "Major-case bulletin: {case}",
                Route.to(ADDRESSEES, ACTION)));
        r.add(rule(SharingEventTypes.BULLETIN_READ, "通报已阅：{case}", "Bulletin read: {case}", Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.BULLETIN_FOLLOWED_UP,
                "通报跟进：{case}",
                "Bulletin followed up: {case}",
                Route.to(SENDER, INFO),
                Route.to(ADDRESSEES, INFO)));
        r.add(rule(
                SharingEventTypes.CLUE_SENT,
                "收到线索通报，请按期答复：{case}",
                "Clue received, reply due: {case}",
                Route.to(ADDRESSEES, ACTION)));
        r.add(rule(SharingEventTypes.CLUE_ACCEPTED, "线索已接收：{case}", "Clue accepted: {case}", Route.to(SENDER, INFO)));
        r.add(rule(SharingEventTypes.CLUE_DECLINED, "线索不予接收：{case}", "Clue declined: {case}", Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.CLUE_FORWARDED,
                "线索已转交：{case}",
                "Clue forwarded: {case}",
                Route.to(SENDER, INFO),
                Route.to(NEW_ADDRESSEES, ACTION)));
        r.add(rule(
                SharingEventTypes.CLUE_CASE_OPENED,
                "线索已立案：{case}",
                "Case opened from clue: {case}",
                Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.CONSULTATION_REQUESTED,
                "案件咨询，请按期答复：{case}",
                "Consultation, answer due: {case}",
                Route.to(ADDRESSEES, ACTION)));
        r.add(rule(
                SharingEventTypes.CONSULTATION_ANSWERED,
                "咨询已答复：{case}",
                "Consultation answered: {case}",
                Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.EARLY_INTERVENTION_STARTED,
                "检察机关提前介入：{case}",
                "Procuratorate intervenes early: {case}",
                Route.to(ADDRESSEES, ACTION)));
        r.add(rule(
                SharingEventTypes.EARLY_INTERVENTION_ANSWERED,
                "提前介入已答复：{case}",
                "Early intervention answered: {case}",
                Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.EARLY_INTERVENTION_GUIDANCE,
                "引导取证意见：{case}",
                "Guidance on evidence: {case}",
                Route.to(ADDRESSEES, ACTION)));
        r.add(rule(
                SharingEventTypes.MEETING_CONVENED,
                "联席会议通知：{case}",
                "Joint meeting convened: {case}",
                Route.to(ADDRESSEES, INFO)));
        r.add(rule(
                SharingEventTypes.MEETING_MINUTES_RECORDED,
                "联席会议纪要：{case}",
                "Joint meeting minutes: {case}",
                Route.to(ADDRESSEES, INFO)));
        r.add(rule(
                SharingEventTypes.MEETING_TASK_ASSIGNED,
                "会议任务，请按期完成：{case}",
                "Meeting task assigned: {case}",
                Route.to(RESPONSIBLE, ACTION)));
        r.add(rule(
                SharingEventTypes.MEETING_TASK_DONE,
                "会议任务已完成：{case}",
                "Meeting task done: {case}",
                Route.to(SENDER, INFO)));
        r.add(rule(
                SharingEventTypes.DEADLINE_REMINDER,
                "期限即将届满：{deadline} {case}",
                "Time limit ending soon: {deadline} {case}",
                Route.to(RESPONSIBLE, ACTION)));
        r.add(rule(
                SharingEventTypes.DEADLINE_BREACHED,
                "期限已超过：{deadline} {case}",
                "Time limit breached: {deadline} {case}",
                Route.to(RESPONSIBLE, URGENT),
                Route.to(SENDER, URGENT)));
    }

    private static RoutingRule rule(String key, String zh, String en, Route... routes) {
        return new RoutingRule(key, List.of(routes), zh, en);
    }
}
