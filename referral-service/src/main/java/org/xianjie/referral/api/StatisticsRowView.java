package org.xianjie.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.StatisticsRow;

/**
 * One agency's figures for the year; see docs/api.md for the exact definition of each. With
 * {@code by=month} also its twelve months, January first, which add up to the year's figures.
 */
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
        long deadlinesBreached,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "only with by=month: the twelve months of the year, January first")
        List<StatisticsMonthView> months) {

    static StatisticsRowView of(StatisticsRow r, boolean byMonth) {
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
                n(r, Figure.DEADLINES_BREACHED),
                byMonth ? r.months().stream().map(StatisticsMonthView::of).toList() : null);
    }

    private static long n(StatisticsRow r, Figure f) {
        return r.get(f).longValueExact();
    }
}
