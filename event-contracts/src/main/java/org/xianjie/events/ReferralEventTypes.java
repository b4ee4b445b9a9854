package org.xianjie.events;

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

    private ReferralEventTypes() {
    }

    /** The event type announcing a process step, e.g. {@code SENT} → {@code org.xianjie.referral.sent.v1}. */
    public static String forStep(String stepName) {
        return PREFIX + stepName.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + VERSION_SUFFIX;
    }

    /** The step name of a step event type, or {@code null} for deadline, lead and review events. */
    public static String stepOf(String type) {
        if (type == null || !type.startsWith(PREFIX) || !type.endsWith(VERSION_SUFFIX)
                || type.startsWith(PREFIX + "deadline-") || type.startsWith(PREFIX + "lead-")
                || type.startsWith(PREFIX + "penalty-decision-")) {
            return null;
        }
        String kebab = type.substring(PREFIX.length(), type.length() - VERSION_SUFFIX.length());
        return kebab.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
