package org.xianjie.referral.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.StatisticsMonth;

/**
 * One agency's figures for one calendar month (Asia/Shanghai): the same fields and definitions as
 * the year's row, each counted in the month its deciding date falls into.
 */
public record StatisticsMonthView(
        @Schema(example = "2026-03", description = "the month, yyyy-MM")
        String month,

        long adminCasesFiled,
        long adminCasesClosed,
        BigDecimal caseValue,
        BigDecimal fines,
        BigDecimal confiscations,
        long referralsSent,
        long policeFiled,
        long policeDeclined,
        long arrestsApprovedCases,
        long arrestsApprovedPersons,
        long prosecutedCases,
        long prosecutedPersons,
        long courtAccepted,
        long courtJudged,
        long penaltyDecisionsReviewed,
        long leadsRaised,
        long deadlinesBreached) {

    static StatisticsMonthView of(StatisticsMonth m) {
        return new StatisticsMonthView(
                m.month().toString(),
                n(m, Figure.ADMIN_CASES_FILED),
                n(m, Figure.ADMIN_CASES_CLOSED),
                m.get(Figure.CASE_VALUE),
                m.get(Figure.FINES),
                m.get(Figure.CONFISCATIONS),
                n(m, Figure.REFERRALS_SENT),
                n(m, Figure.POLICE_FILED),
                n(m, Figure.POLICE_DECLINED),
                n(m, Figure.ARRESTS_APPROVED_CASES),
                n(m, Figure.ARRESTS_APPROVED_PERSONS),
                n(m, Figure.PROSECUTED_CASES),
                n(m, Figure.PROSECUTED_PERSONS),
                n(m, Figure.COURT_ACCEPTED),
                n(m, Figure.COURT_JUDGED),
                n(m, Figure.PENALTY_DECISIONS_REVIEWED),
                n(m, Figure.LEADS_RAISED),
                n(m, Figure.DEADLINES_BREACHED));
    }

    private static long n(StatisticsMonth m, Figure f) {
        return m.get(f).longValueExact();
    }
}
