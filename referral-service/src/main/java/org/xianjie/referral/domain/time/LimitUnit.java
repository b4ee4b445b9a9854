package org.xianjie.referral.domain.time;

/** How a time limit is counted (计算单位); each rule's unit is configurable data. */
public enum LimitUnit {
    /** Clock hours (小时), holidays or not. */
    HOURS,
    /** Calendar days (日): start day not counted, last day shifted past rest days. */
    CALENDAR_DAYS,
    /** Working days (工作日): only working days after the start day are counted. */
    WORKING_DAYS,
    /** Months (月): same day N months later or that month's last day, shifted past rest days. */
    MONTHS
}
