package org.xianjie.events;

import java.util.List;

/**
 * Event types of information sharing between agencies (信息共享), produced by referral-service on
 * {@link Topics#REFERRAL_EVENTS}: major-case bulletins (重大案件通报), clue bulletins (线索通报),
 * consultations (案件咨询), the procuratorate's early intervention in a filed case (提前介入) and
 * joint meetings (联席会议). The data of every one is a {@link SharingSnapshot}; the record key is
 * the case id when the item concerns a case, else the item's id. Their prefix differs from the
 * referral steps' so that consumers of referral steps ignore them.
 */
public final class SharingEventTypes {
    public static final String PREFIX = "org.xianjie.sharing.";

    public static final String BULLETIN_ISSUED = PREFIX + "bulletin-issued.v1";
    public static final String BULLETIN_READ = PREFIX + "bulletin-read.v1";
    public static final String BULLETIN_FOLLOWED_UP = PREFIX + "bulletin-followed-up.v1";

    public static final String CLUE_SENT = PREFIX + "clue-sent.v1";
    public static final String CLUE_ACCEPTED = PREFIX + "clue-accepted.v1";
    public static final String CLUE_DECLINED = PREFIX + "clue-declined.v1";
    public static final String CLUE_FORWARDED = PREFIX + "clue-forwarded.v1";
    /** The receiver opened a case from the clue; {@code linkedCaseId} names it (case-service may consume this). */
    public static final String CLUE_CASE_OPENED = PREFIX + "clue-case-opened.v1";

    public static final String CONSULTATION_REQUESTED = PREFIX + "consultation-requested.v1";
    public static final String CONSULTATION_ANSWERED = PREFIX + "consultation-answered.v1";

    public static final String EARLY_INTERVENTION_STARTED = PREFIX + "early-intervention-started.v1";
    public static final String EARLY_INTERVENTION_ANSWERED = PREFIX + "early-intervention-answered.v1";
    public static final String EARLY_INTERVENTION_GUIDANCE = PREFIX + "early-intervention-guidance.v1";

    public static final String MEETING_CONVENED = PREFIX + "meeting-convened.v1";
    public static final String MEETING_MINUTES_RECORDED = PREFIX + "meeting-minutes-recorded.v1";
    /** A follow-up task of a meeting was assigned; {@code deadline.responsibleAgency} is the assignee. */
    public static final String MEETING_TASK_ASSIGNED = PREFIX + "meeting-task-assigned.v1";

    public static final String MEETING_TASK_DONE = PREFIX + "meeting-task-done.v1";

    /** A reply limit or task deadline of a shared item ends soon. */
    public static final String DEADLINE_REMINDER = PREFIX + "deadline-reminder.v1";
    /** A reply limit or task deadline of a shared item passed unanswered (once). */
    public static final String DEADLINE_BREACHED = PREFIX + "deadline-breached.v1";

    /** Every sharing type; they share one data schema ({@link EventSchemas#SHARING_ITEM}). */
    public static final List<String> ALL = List.of(
            BULLETIN_ISSUED,
            BULLETIN_READ,
            BULLETIN_FOLLOWED_UP,
            CLUE_SENT,
            CLUE_ACCEPTED,
            CLUE_DECLINED,
            CLUE_FORWARDED,
            CLUE_CASE_OPENED,
            CONSULTATION_REQUESTED,
            CONSULTATION_ANSWERED,
            EARLY_INTERVENTION_STARTED,
            EARLY_INTERVENTION_ANSWERED,
            EARLY_INTERVENTION_GUIDANCE,
            MEETING_CONVENED,
            MEETING_MINUTES_RECORDED,
            MEETING_TASK_ASSIGNED,
            MEETING_TASK_DONE,
            DEADLINE_REMINDER,
            DEADLINE_BREACHED);

    private SharingEventTypes() {}

    public static boolean isSharing(String type) {
        return type != null && type.startsWith(PREFIX);
    }
}
