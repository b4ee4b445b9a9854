package org.xianjie.referral.domain.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseCategory;

/** The two rule sets of DOMAIN.md: values in force before 2025 and 法释〔2025〕5号 (from 2025-04-26). */
class ThresholdEvaluatorTest {

    private static final ThresholdEvaluator EVALUATOR = new ThresholdEvaluator(ThresholdRules.loadDefault());

    private static final LocalDate AUTUMN_2024 = LocalDate.parse("2024-11-15");
    private static final LocalDate DAY_BEFORE_2025_RULES = LocalDate.parse("2025-04-25");
    private static final LocalDate FIRST_DAY_OF_2025_RULES = LocalDate.parse("2025-04-26");
    private static final LocalDate SUMMER_2025 = LocalDate.parse("2025-06-01");

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private static CaseFigures.Builder trademark() {
        return CaseFigures.builder(CaseCategory.TRADEMARK);
    }

    private static CaseFigures.Builder copyright() {
        return CaseFigures.builder(CaseCategory.COPYRIGHT);
    }

    @Test
    void trademarkBusinessVolumeOfFiftyThousandReachesArticle213Before2025() {
        ThresholdMatch match = EVALUATOR
                .evaluate(trademark().illegalBusinessVolume(yuan("50000")).build(), AUTUMN_2024)
                .orElseThrow();

        assertEquals("pre-2025", match.ruleSetId());
        assertEquals("pre-2025", match.valuesFrom());
        assertEquals("213", match.article());
        assertEquals("假冒注册商标罪", match.offence());
        assertEquals("213-volume", match.conditionId());
        assertEquals(Figure.ILLEGAL_BUSINESS_VOLUME, match.figure());
        assertEquals(0, yuan("50000").compareTo(match.value()));
        assertEquals(0, yuan("50000").compareTo(match.threshold()));
        assertFalse(match.attempt());
    }

    @Test
    void oneFenBelowTheThresholdRaisesNoLead() {
        assertEquals(
                Optional.empty(),
                EVALUATOR.evaluate(
                        trademark().illegalBusinessVolume(yuan("49999.99")).build(), AUTUMN_2024));
    }

    @Test
    void counterfeitingTwoMarksLowersTheThreshold() {
        CaseFigures twoMarks =
                trademark().illegalBusinessVolume(yuan("30000")).marks(2).build();
        CaseFigures oneMark =
                trademark().illegalBusinessVolume(yuan("30000")).marks(1).build();
        CaseFigures marksUnknown =
                trademark().illegalBusinessVolume(yuan("30000")).build();

        assertEquals(
                "213-two-marks-volume",
                EVALUATOR.evaluate(twoMarks, AUTUMN_2024).orElseThrow().conditionId());
        assertTrue(EVALUATOR.evaluate(oneMark, AUTUMN_2024).isEmpty());
        assertTrue(EVALUATOR.evaluate(marksUnknown, AUTUMN_2024).isEmpty(), "an unknown count is not two");
    }

    @Test
    void onlineDownloadsCountOnlyFromTheDayThe2025InterpretationTakesEffect() {
        CaseFigures piracySite = copyright().downloads(10_000L).build();

        assertTrue(EVALUATOR.evaluate(piracySite, DAY_BEFORE_2025_RULES).isEmpty());
        ThresholdMatch match =
                EVALUATOR.evaluate(piracySite, FIRST_DAY_OF_2025_RULES).orElseThrow();
        assertEquals("2025", match.ruleSetId());
        assertEquals("217", match.article());
        assertEquals("217-downloads", match.conditionId());
    }

    @Test
    void onlineWorksClicksAndMembersEachReachArticle217In2025() {
        assertEquals(
                "217-online-works",
                EVALUATOR
                        .evaluate(copyright().onlineWorks(500L).build(), SUMMER_2025)
                        .orElseThrow()
                        .conditionId());
        assertEquals(
                "217-clicks",
                EVALUATOR
                        .evaluate(copyright().clicks(100_000L).build(), SUMMER_2025)
                        .orElseThrow()
                        .conditionId());
        assertEquals(
                "217-members",
                EVALUATOR
                        .evaluate(copyright().registeredMembers(1_000L).build(), SUMMER_2025)
                        .orElseThrow()
                        .conditionId());
        assertTrue(EVALUATOR
                .evaluate(copyright().clicks(99_999L).build(), SUMMER_2025)
                .isEmpty());
    }

    @Test
    void fiveHundredPirateCopiesReachArticle217UnderBothRuleSets() {
        CaseFigures copies = copyright().copies(500).build();

        assertEquals(
                "217-copies",
                EVALUATOR.evaluate(copies, AUTUMN_2024).orElseThrow().conditionId());
        assertEquals(
                "217-copies",
                EVALUATOR.evaluate(copies, SUMMER_2025).orElseThrow().conditionId());
    }

    @Test
    void copyrightInfringerPenalisedWithinTwoYearsMeetsTheLowerThreshold() {
        CaseFigures repeat = copyright()
                .illegalBusinessVolume(yuan("30000"))
                .penalisedForSameConductWithinTwoYears(true)
                .build();
        CaseFigures firstTime = copyright().illegalBusinessVolume(yuan("30000")).build();

        assertEquals(
                "217-repeat-volume",
                EVALUATOR.evaluate(repeat, SUMMER_2025).orElseThrow().conditionId());
        assertTrue(EVALUATOR.evaluate(firstTime, SUMMER_2025).isEmpty());
        assertTrue(EVALUATOR.evaluate(repeat, AUTUMN_2024).isEmpty(), "no repeat rule before 2025");
    }

    @Test
    void sellingInfringingCopiesIsScreenedOnlyUnderThe2025Set() {
        CaseFigures seller = copyright().sales(yuan("100000")).build();

        assertTrue(EVALUATOR.evaluate(seller, DAY_BEFORE_2025_RULES).isEmpty());
        ThresholdMatch match =
                EVALUATOR.evaluate(seller, FIRST_DAY_OF_2025_RULES).orElseThrow();
        assertEquals("218", match.article());
        assertEquals("218-sales", match.conditionId());
    }

    @Test
    void sellerOfAThousandInfringingCopiesReachesArticle218() {
        ThresholdMatch match = EVALUATOR.evaluateAll(copyright().copies(1_000).build(), SUMMER_2025).stream()
                .filter(m -> m.article().equals("218"))
                .findFirst()
                .orElseThrow();

        assertEquals("218-copies", match.conditionId());
    }

    @Test
    void sellingCounterfeitMarkedGoodsKeepsTheEarlierValuesIn2025() {
        ThresholdMatch match = EVALUATOR
                .evaluate(trademark().sales(yuan("50000")).build(), SUMMER_2025)
                .orElseThrow();

        assertEquals("214", match.article());
        assertEquals("2025", match.ruleSetId(), "the set in force");
        assertEquals("pre-2025", match.valuesFrom(), "art. 214 is not listed in the 2025 set");
    }

    @Test
    void unsoldCounterfeitGoodsWorthOneHundredFiftyThousandCountAsAttempt() {
        ThresholdMatch match = EVALUATOR
                .evaluate(trademark().unsoldGoodsValue(yuan("150000")).build(), AUTUMN_2024)
                .orElseThrow();

        assertEquals("214-unsold", match.conditionId());
        assertTrue(match.attempt());
    }

    @Test
    void completedOffenceIsReportedBeforeAnAttempt() {
        CaseFigures both = trademark()
                .unsoldGoodsValue(yuan("200000"))
                .sales(yuan("60000"))
                .build();

        List<ThresholdMatch> all = EVALUATOR.evaluateAll(both, AUTUMN_2024);

        assertEquals(
                List.of("214-sales", "214-unsold"),
                all.stream().map(ThresholdMatch::conditionId).toList());
        assertEquals(
                "214-sales", EVALUATOR.evaluate(both, AUTUMN_2024).orElseThrow().conditionId());
    }

    @Test
    void serviceMarkNeedsFiftyThousandYuanGainsUnderThe2025Set() {
        CaseFigures service40k =
                trademark().serviceMark(true).illegalGains(yuan("40000")).build();
        CaseFigures service50k =
                trademark().serviceMark(true).illegalGains(yuan("50000")).build();
        CaseFigures goods40k = trademark().illegalGains(yuan("40000")).build();

        assertTrue(EVALUATOR.evaluate(service40k, SUMMER_2025).isEmpty());
        assertEquals(
                "213-service-gains",
                EVALUATOR.evaluate(service50k, SUMMER_2025).orElseThrow().conditionId());
        assertEquals(
                "213-gains",
                EVALUATOR.evaluate(goods40k, SUMMER_2025).orElseThrow().conditionId());
    }

    @Test
    void twoServiceMarksNeedThirtyThousandYuanGainsUnderThe2025Set() {
        CaseFigures figures = trademark()
                .serviceMark(true)
                .marks(2)
                .illegalGains(yuan("30000"))
                .build();

        assertEquals(
                "213-service-two-marks-gains",
                EVALUATOR.evaluate(figures, SUMMER_2025).orElseThrow().conditionId());
    }

    @Test
    void before2025ServiceMarksShareTheGoodsThresholds() {
        CaseFigures service =
                trademark().serviceMark(true).illegalGains(yuan("30000")).build();

        assertEquals(
                "213-gains",
                EVALUATOR.evaluate(service, AUTUMN_2024).orElseThrow().conditionId());
    }

    @Test
    void tradeSecretLossOfThreeHundredThousandReachesArticle219In2025() {
        CaseFigures loss = CaseFigures.builder(CaseCategory.TRADE_SECRET)
                .lossOrGains(yuan("300000"))
                .build();

        ThresholdMatch match = EVALUATOR.evaluate(loss, SUMMER_2025).orElseThrow();
        assertEquals("219", match.article());
        assertEquals("219-loss-or-gains", match.conditionId());
    }

    @Test
    void tradeSecretRepeatOffenderThresholdIsOneHundredThousand() {
        CaseFigures repeat = CaseFigures.builder(CaseCategory.TRADE_SECRET)
                .lossOrGains(yuan("100000"))
                .penalisedForSameConductWithinTwoYears(true)
                .build();

        assertEquals(
                "219-repeat-loss-or-gains",
                EVALUATOR.evaluate(repeat, SUMMER_2025).orElseThrow().conditionId());
    }

    @Test
    void tradeSecretsHaveNoThresholdBefore2025InTheSpecification() {
        CaseFigures loss = CaseFigures.builder(CaseCategory.TRADE_SECRET)
                .lossOrGains(yuan("900000"))
                .build();

        assertTrue(EVALUATOR.evaluate(loss, AUTUMN_2024).isEmpty());
    }

    @Test
    void shoddyGoodsSalesOfFiftyThousandReachArticle140() {
        CaseFigures figures = CaseFigures.builder(CaseCategory.COUNTERFEIT_OR_SHODDY_GOODS)
                .sales(yuan("50000"))
                .build();

        ThresholdMatch match = EVALUATOR.evaluate(figures, SUMMER_2025).orElseThrow();
        assertEquals("140", match.article());
        assertEquals("pre-2025", match.valuesFrom());
    }

    @Test
    void categoryWithoutThresholdsRaisesNoLead() {
        CaseFigures patent = CaseFigures.builder(CaseCategory.PATENT)
                .illegalBusinessVolume(yuan("10000000"))
                .illegalGains(yuan("5000000"))
                .build();

        assertTrue(EVALUATOR.evaluateAll(patent, SUMMER_2025).isEmpty());
    }

    @Test
    void figuresNotRecordedNeverFire() {
        assertTrue(EVALUATOR.evaluateAll(trademark().build(), SUMMER_2025).isEmpty());
    }

    @Test
    void figuresOfTheWrongKindDoNotFire() {
        // Sales are not business volume: art. 213 looks at 非法经营数额 and 违法所得 only.
        List<ThresholdMatch> all =
                EVALUATOR.evaluateAll(trademark().sales(yuan("50000")).build(), AUTUMN_2024);

        assertEquals(List.of("214"), all.stream().map(ThresholdMatch::article).toList());
    }

    @Test
    void negativeAmountsAreRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> trademark().illegalGains(yuan("-1")).build());
    }
}
