package org.xianjie.referral.api;

import java.math.BigDecimal;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.StatisticsRow;

/** One agency's figures for the year; see docs/api.md for the exact definition of each. */
public record StatisticsRowView(
        String agency,
        String region,
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

    static StatisticsRowView of(StatisticsRow r) {
        return new StatisticsRowView(
                r.agency(),
                r.region(),
                n(r, Figure.ADMIN_CASES_FILED),
                n(r, Figure.ADMIN_CASES_CLOSED),
                r.get(Figure.CASE_VALUE),
                r.get(Figure.FINES),
                r.get(Figure.CONFISCATIONS),
                n(r, Figure.REFERRALS_SENT),
                n(r, Figure.POLICE_FILED),
                n(r, Figure.POLICE_DECLINED),
                n(r, Figure.ARRESTS_APPROVED_CASES),
                n(r, Figure.ARRESTS_APPROVED_PERSONS),
                n(r, Figure.PROSECUTED_CASES),
                n(r, Figure.PROSECUTED_PERSONS),
                n(r, Figure.COURT_ACCEPTED),
                n(r, Figure.COURT_JUDGED),
                n(r, Figure.PENALTY_DECISIONS_REVIEWED),
                n(r, Figure.LEADS_RAISED),
                n(r, Figure.DEADLINES_BREACHED));
    }

    private static long n(StatisticsRow r, Figure f) {
        return r.get(f).longValueExact();
    }
}
