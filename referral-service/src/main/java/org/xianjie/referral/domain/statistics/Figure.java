package org.xianjie.referral.domain.statistics;

/**
 * The columns of the statistics table, in order. Each figure counts on the row of the
 * administrative agency whose case it concerns (the case's owner, which is the referral's agency),
 * except {@link #DEADLINES_BREACHED}, which counts on the row of the agency that missed the limit.
 * The year is decided by the date named below, taken in Asia/Shanghai.
 */
public enum Figure {
    /** Cases filed (立案): the case's opened event, by its {@code occurredAt}. */
    ADMIN_CASES_FILED("adminCasesFiled"),
    /** Cases closed (结案): the case's closed event, by its {@code occurredAt}. */
    ADMIN_CASES_CLOSED("adminCasesClosed"),
    /** 案值 in yuan: the illegal business volume of the cases filed in the year (as last announced). */
    CASE_VALUE("caseValue"),
    /** 罚款 in yuan: the fines of the penalty decisions dated in the year. */
    FINES("fines"),
    /** 没收 in yuan: the confiscations of the penalty decisions dated in the year. */
    CONFISCATIONS("confiscations"),
    /** Referrals sent (移送): referrals with a SEND step in the year, by the step's {@code occurredAt}. */
    REFERRALS_SENT("referralsSent"),
    /** 公安立案: referrals with a FILE step in the year. */
    POLICE_FILED("policeFiled"),
    /** 不予立案: referrals with a DECLINE step in the year. */
    POLICE_DECLINED("policeDeclined"),
    /** 批准逮捕 (件): referrals with an APPROVE_ARREST step in the year. */
    ARRESTS_APPROVED_CASES("arrestsApprovedCases"),
    /** 批准逮捕 (人): suspects whose arrest was approved, by the decision's date. */
    ARRESTS_APPROVED_PERSONS("arrestsApprovedPersons"),
    /** 提起公诉 (件): referrals with a PROSECUTE step in the year. */
    PROSECUTED_CASES("prosecutedCases"),
    /** 提起公诉 (人): suspects prosecuted, by the decision's date. */
    PROSECUTED_PERSONS("prosecutedPersons"),
    /** 法院受理: referrals with an ACCEPT_CASE step in the year. */
    COURT_ACCEPTED("courtAccepted"),
    /** 判决: referrals with a RENDER_JUDGMENT step in the year. */
    COURT_JUDGED("courtJudged"),
    /** 行政处罚决定审查: distinct cases with a procuratorate's review made in the year. */
    PENALTY_DECISIONS_REVIEWED("penaltyDecisionsReviewed"),
    /** 监督线索: leads raised in the year, by when they were raised. */
    LEADS_RAISED("leadsRaised"),
    /** 超期: statutory limits breached in the year, by their due time, on the responsible agency's row. */
    DEADLINES_BREACHED("deadlinesBreached");

    private final String column;

    Figure(String column) {
        this.column = column;
    }

    /** The name of the column in JSON and CSV. */
    public String column() {
        return column;
    }

    /** Amounts in yuan (two decimals) rather than counts. */
    public boolean isAmount() {
        return this == CASE_VALUE || this == FINES || this == CONFISCATIONS;
    }
}
