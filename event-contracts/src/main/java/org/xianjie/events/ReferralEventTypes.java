package org.xianjie.events;

import java.util.List;

/**
 * Event types produced by referral-service on {@link Topics#REFERRAL_EVENTS}.
 *
 * <p>Every step of the referral process is announced as {@code org.xianjie.referral.<step>.v1}
 * where {@code <step>} is the step's name in kebab case (for example {@code sent},
 * {@code filing-declined}); its data is a {@link ReferralSnapshot}. Deadline, lead and penalty
 * decision review events have fixed types below.
 */
public final class ReferralEventTypes {
    public static final String PREFIX = "org.xianjie.referral.";
    public static final String VERSION_SUFFIX = ".v1";

    /** A reminder before a statutory time limit passes. Data: {@link ReferralSnapshot} with {@code deadline}. */
    public static final String DEADLINE_REMINDER = PREFIX + "deadline-reminder.v1";
    /** A statutory time limit passed without the step being taken. */
    public static final String DEADLINE_BREACHED = PREFIX + "deadline-breached.v1";
    /** 线索: a supervision lead (possible 以罚代刑) was raised for the procuratorate. Data: {@link LeadSnapshot}. */
    public static final String LEAD_RAISED = PREFIX + "lead-raised.v1";
    /** A lead was dismissed with reasons. */
    public static final String LEAD_DISMISSED = PREFIX + "lead-dismissed.v1";
    /**
     * A lead was turned into filing supervision: the procuratorate asks the agency to refer the case
     * (监督移送) by {@code referralDueAt}.
     */
    public static final String LEAD_ESCALATED = PREFIX + "lead-escalated.v1";
    /** The agency opened a referral of an escalated lead's case ({@code referralId}): the request is met. */
    public static final String LEAD_REFERRED = PREFIX + "lead-referred.v1";
    /** An escalated lead's request to refer passed {@code referralDueAt} with no referral; once per lead. */
    public static final String LEAD_REFERRAL_OVERDUE = PREFIX + "lead-referral-overdue.v1";
    /**
     * 行政处罚决定审查: a procuratorate reviewed a penalty decision and recorded the outcome. Data:
     * {@link PenaltyReviewSnapshot}; subject {@code penalty-decisions/<caseId>/reviews/<reviewId>}.
     */
    public static final String PENALTY_DECISION_REVIEWED = PREFIX + "penalty-decision-reviewed.v1";
    /**
     * 犯罪嫌疑人: a suspect was recorded on a referral. Data: {@link SuspectSnapshot} ({@code act}
     * {@code RECORDED}); subject {@code referrals/<referralId>/suspects/<suspectId>}.
     */
    public static final String SUSPECT_RECORDED = PREFIX + "suspect-recorded.v1";
    /**
     * A step decided for a suspect (arrest request or decision, prosecution or not, court acceptance,
     * judgment with the fine set-off); one event per suspect, after the step's own event. Data:
     * {@link SuspectSnapshot}.
     */
    public static final String SUSPECT_DECIDED = PREFIX + "suspect-decided.v1";

    /** The fixed (non-step) types, each with its own data schema. */
    public static final List<String> FIXED = List.of(
            DEADLINE_REMINDER,
            DEADLINE_BREACHED,
            LEAD_RAISED,
            LEAD_DISMISSED,
            LEAD_ESCALATED,
            LEAD_REFERRED,
            LEAD_REFERRAL_OVERDUE,
            PENALTY_DECISION_REVIEWED,
            SUSPECT_RECORDED,
            SUSPECT_DECIDED);

    /**
     * The names of the process steps announced by {@link #forStep}: referral-service's
     * {@code ReferralStep} values (its ReferralStepEventTypesTest keeps the two equal). A new step
     * is added here too, so that its event type is in {@link EventTypes#all()}.
     */
    public static final List<String> STEPS = List.of(
            "REPORT",
            "APPROVE",
            "REFUSE",
            "SEND",
            "RECEIVE",
            "RECEIVE_OUT_OF_JURISDICTION",
            "FORWARD",
            "EXTEND_FILING_REVIEW",
            "EXTEND_FILING_REVIEW_MAJOR",
            "FILE",
            "DECLINE",
            "HAND_OVER_SEIZED_ITEMS",
            "REQUEST_RECONSIDERATION",
            "UPHOLD_DECLINE",
            "REQUEST_SUPERVISION",
            "REQUEST_EXPLANATION",
            "EXPLAIN",
            "ORDER_FILING",
            "ACCEPT_REASONS",
            "REQUEST_ARREST",
            "APPROVE_ARREST",
            "DENY_ARREST",
            "TRANSFER_FOR_PROSECUTION",
            "RETURN_NO_CRIME",
            "PROSECUTE",
            "DECIDE_NOT_TO_PROSECUTE",
            "ACCEPT_CASE",
            "RENDER_JUDGMENT",
            "RECORD_NON_PROSECUTION",
            "HAND_OVER_FOR_REVIEW",
            "SEND_OPINION",
            "CLOSE_NO_PENALTY_DUE",
            "FOLLOW_UP_OPINION",
            "REPLY_TO_OPINION",
            "REQUEST_EARLY_INTERVENTION",
            "ANSWER_EARLY_INTERVENTION",
            "REQUEST_CONSULTATION",
            "ANSWER_CONSULTATION");

    /** Every type referral-service produces: the step events and the fixed ones. */
    public static final List<String> ALL = java.util.stream.Stream.concat(
                    STEPS.stream().map(ReferralEventTypes::forStep), FIXED.stream())
            .toList();

    private ReferralEventTypes() {}

    /** The event type announcing a process step, e.g. {@code SENT} → {@code org.xianjie.referral.sent.v1}. */
    public static String forStep(String stepName) {
        return PREFIX + stepName.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + VERSION_SUFFIX;
    }

    /** The step name of a step event type, or {@code null} for deadline, lead, review and suspect events. */
    public static String stepOf(String type) {
        if (type == null
                || !type.startsWith(PREFIX)
                || !type.endsWith(VERSION_SUFFIX)
                || type.startsWith(PREFIX + "deadline-")
                || type.startsWith(PREFIX + "lead-")
                || type.startsWith(PREFIX + "penalty-decision-")
                || type.startsWith(PREFIX + "suspect-")) {
            return null;
        }
        String kebab = type.substring(PREFIX.length(), type.length() - VERSION_SUFFIX.length());
        return kebab.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
