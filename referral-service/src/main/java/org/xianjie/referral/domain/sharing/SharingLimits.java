package org.xianjie.referral.domain.sharing;

import java.util.List;

/**
 * The codes of the limits a shared item opens. Their amount and unit are configuration
 * ({@code xianjie.sharing.limits.<CODE>}, e.g. {@code 7 CALENDAR_DAYS}), counted by the same
 * DeadlineClock as the statutory limits; a meeting task's due date is set by the meeting.
 */
public final class SharingLimits {

    /** 线索答复: the receiver accepts, declines, forwards or opens a case. */
    public static final String CLUE_REPLY = "CLUE_REPLY";
    /** 咨询答复: the police or procuratorate answer a consultation. */
    public static final String CONSULTATION_ANSWER = "CONSULTATION_ANSWER";
    /** 提前介入答复: the police answer the procuratorate's early intervention. */
    public static final String EARLY_INTERVENTION_ANSWER = "EARLY_INTERVENTION_ANSWER";
    /** 会议任务: a follow-up task of a joint meeting, due on the day the meeting set. */
    public static final String MEETING_TASK = "MEETING_TASK";

    public static final List<String> CONFIGURED = List.of(CLUE_REPLY, CONSULTATION_ANSWER, EARLY_INTERVENTION_ANSWER);

    private SharingLimits() {}

    public static String description(String code) {
        return switch (code) {
            case CLUE_REPLY -> "线索答复 clue reply";
            case CONSULTATION_ANSWER -> "咨询答复 consultation answer";
            case EARLY_INTERVENTION_ANSWER -> "提前介入答复 early intervention answer";
            case MEETING_TASK -> "会议任务 meeting task";
            default -> code;
        };
    }
}
