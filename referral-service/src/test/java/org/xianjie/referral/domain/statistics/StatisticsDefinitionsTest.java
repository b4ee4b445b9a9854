package org.xianjie.referral.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsDefinitionsTest {

    @Test
    void theYearRunsFromMidnightToMidnightInChinaNotUtc() {
        StatisticsYear y = StatisticsYear.of(2025);
        assertThat(y.from()).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThat(y.until()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        // 23:30 on 31 December 2025 in Shanghai is still 2025 ...
        assertThat(y.contains(Instant.parse("2025-12-31T15:30:00Z"))).isTrue();
        // ... and 00:30 on 1 January 2026 in Shanghai is not, though it is still 2025 in UTC
        assertThat(y.contains(Instant.parse("2025-12-31T16:30:00Z"))).isFalse();
        assertThat(y.contains(Instant.parse("2024-12-31T16:30:00Z"))).isTrue();
        assertThat(y.contains(java.time.LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(y.contains(java.time.LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void yearsOutsideTheSuitesRangeAreRefused() {
        assertThatThrownBy(() -> StatisticsYear.of(1999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatisticsYear.of(2101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAgencyInScopeGetsARowWithEveryFigureAndNothingOutsideTheScopeShows() {
        List<StatisticsRow> rows = StatisticsTable.rows(
                List.of(
                        new StatisticsTable.Agency("QD-PSB", "370200"),
                        new StatisticsTable.Agency("QD-AMR", "370200"),
                        new StatisticsTable.Agency("HD-AMR", "370211")),
                StatisticsYear.of(2026),
                new FigureCounts()
                        .add(Figure.REFERRALS_SENT, "QD-AMR", 3, BigDecimal.valueOf(3))
                        .add(Figure.REFERRALS_SENT, "TJ-AMR", 3, BigDecimal.TEN)
                        .add(Figure.FINES, "HD-AMR", 7, new BigDecimal("1500.5")));
        assertThat(rows).extracting(StatisticsRow::agency).containsExactly("QD-AMR", "QD-PSB", "HD-AMR");
        assertThat(rows.get(0).figures()).hasSize(Figure.values().length);
        assertThat(rows.get(0).get(Figure.REFERRALS_SENT)).isEqualByComparingTo("3");
        assertThat(rows.get(1).get(Figure.REFERRALS_SENT)).isEqualByComparingTo("0");
        assertThat(rows.get(2).get(Figure.FINES)).isEqualTo(new BigDecimal("1500.50"));
        assertThat(rows.get(1).get(Figure.CASE_VALUE)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void everyRowHasTwelveMonthsThatAddUpToTheYear() {
        List<StatisticsRow> rows = StatisticsTable.rows(
                List.of(new StatisticsTable.Agency("QD-AMR", "370200")),
                StatisticsYear.of(2025),
                new FigureCounts()
                        .add(Figure.REFERRALS_SENT, "QD-AMR", 1, BigDecimal.ONE)
                        .add(Figure.REFERRALS_SENT, "QD-AMR", 12, BigDecimal.valueOf(2))
                        .add(Figure.FINES, "QD-AMR", 3, new BigDecimal("100.25"))
                        .add(Figure.FINES, "QD-AMR", 3, new BigDecimal("0.75"))
                        .add(Figure.FINES, "QD-AMR", 4, new BigDecimal("9")));
        StatisticsRow row = rows.get(0);
        assertThat(row.months())
                .extracting(m -> m.month().toString())
                .containsExactly(
                        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08",
                        "2025-09", "2025-10", "2025-11", "2025-12");
        assertThat(row.months().get(0).get(Figure.REFERRALS_SENT)).isEqualByComparingTo("1");
        assertThat(row.months().get(11).get(Figure.REFERRALS_SENT)).isEqualByComparingTo("2");
        assertThat(row.months().get(2).get(Figure.FINES)).isEqualTo(new BigDecimal("101.00"));
        assertThat(row.months().get(5).get(Figure.FINES)).isEqualTo(new BigDecimal("0.00"));
        for (Figure f : Figure.values()) {
            BigDecimal sum = row.months().stream().map(m -> m.get(f)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(f.column()).isEqualByComparingTo(row.get(f));
        }
        assertThat(row.get(Figure.REFERRALS_SENT)).isEqualByComparingTo("3");
        assertThat(row.get(Figure.FINES)).isEqualTo(new BigDecimal("110.00"));
        assertThatThrownBy(() -> new FigureCounts().add(Figure.FINES, "QD-AMR", 13, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnsAreTheIssuesFieldNamesInOrderAndOnlyMoneyIsAnAmount() {
        assertThat(List.of(Figure.values()))
                .extracting(Figure::column)
                .containsExactly(
                        "adminCasesFiled",
                        "adminCasesClosed",
                        "caseValue",
                        "fines",
                        "confiscations",
                        "referralsSent",
                        "policeFiled",
                        "policeDeclined",
                        "arrestsApprovedCases",
                        "arrestsApprovedPersons",
                        "prosecutedCases",
                        "prosecutedPersons",
                        "courtAccepted",
                        "courtJudged",
                        "penaltyDecisionsReviewed",
                        "leadsRaised",
                        "deadlinesBreached");
        assertThat(List.of(Figure.values()))
                .filteredOn(Figure::isAmount)
                .containsExactly(Figure.CASE_VALUE, Figure.FINES, Figure.CONFISCATIONS);
    }
}
