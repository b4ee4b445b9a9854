package org.xianjie.referral.domain.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseCategory;
import org.xianjie.referral.domain.RuleDataException;

class ThresholdRulesTest {

    private static final ThresholdRules RULES = ThresholdRules.loadDefault();

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shippedRulesHoldThePre2025SetAndThe2025Interpretation() {
        List<ThresholdRuleSet> sets = RULES.ruleSets();

        assertEquals(
                List.of("pre-2025", "2025"),
                sets.stream().map(ThresholdRuleSet::id).toList());
        assertNull(sets.get(0).effectiveFrom());
        assertEquals(LocalDate.parse("2025-04-26"), sets.get(1).effectiveFrom());
        assertTrue(sets.get(1).source().contains("法释〔2025〕5号"));
        assertEquals(
                List.of("213", "214", "140", "217"),
                List.copyOf(sets.get(0).offences().keySet()));
        assertEquals(
                List.of("217", "213", "218", "219"),
                List.copyOf(sets.get(1).offences().keySet()));
    }

    @Test
    void the2025SetIsInForceFrom26April2025() {
        assertEquals(
                "pre-2025",
                RULES.inForceOn(LocalDate.parse("2025-04-25")).orElseThrow().id());
        assertEquals(
                "2025",
                RULES.inForceOn(LocalDate.parse("2025-04-26")).orElseThrow().id());
        assertEquals(
                "pre-2025",
                RULES.inForceOn(LocalDate.parse("2005-01-01")).orElseThrow().id());
    }

    @Test
    void categoriesMapToTheirOffences() {
        assertEquals(List.of("213", "214"), RULES.offencesFor(CaseCategory.TRADEMARK));
        assertEquals(List.of("217", "218"), RULES.offencesFor(CaseCategory.COPYRIGHT));
        assertEquals(List.of("140"), RULES.offencesFor(CaseCategory.COUNTERFEIT_OR_SHODDY_GOODS));
        assertEquals(List.of("219"), RULES.offencesFor(CaseCategory.TRADE_SECRET));
        assertEquals(List.of(), RULES.offencesFor(CaseCategory.FOOD));
    }

    @Test
    void offenceNotListedInTheNewSetKeepsTheEarlierValues() {
        ThresholdRules.Applicable applicable =
                RULES.applicable("214", LocalDate.parse("2025-06-01")).orElseThrow();

        assertEquals("pre-2025", applicable.ruleSetId());
    }

    @Test
    void aThirdRuleSetCanBeAddedAsData() {
        ThresholdRules rules = ThresholdRules.parse(json("""
                {'categories': {'TRADEMARK': ['214']},
                 'ruleSets': [
                   {'id': 'old', 'source': 's', 'effectiveFrom': null, 'offences': [
                     {'article': '214', 'name': 'n', 'conditions': [
                       {'id': 'c', 'figure': 'SALES', 'atLeast': 50000, 'text': 't'}]}]},
                   {'id': 'new', 'source': 's', 'effectiveFrom': '2027-01-01', 'offences': [
                     {'article': '214', 'name': 'n', 'conditions': [
                       {'id': 'c', 'figure': 'SALES', 'atLeast': 80000, 'text': 't'}]}]}]}"""));
        ThresholdEvaluator evaluator = new ThresholdEvaluator(rules);
        CaseFigures sales = CaseFigures.builder(CaseCategory.TRADEMARK)
                .sales(new java.math.BigDecimal("60000"))
                .build();

        assertTrue(evaluator.evaluate(sales, LocalDate.parse("2026-12-31")).isPresent());
        assertTrue(evaluator.evaluate(sales, LocalDate.parse("2027-01-01")).isEmpty());
    }

    @Test
    void unknownFigureIsRejected() {
        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json(oneOffence("'figure': 'TURNOVER'"))));
    }

    @Test
    void misspeltGuardIsRejectedRatherThanIgnored() {
        RuleDataException e = assertThrows(
                RuleDataException.class,
                () -> ThresholdRules.parse(json(oneOffence("'figure': 'SALES', 'minMark': 2"))));
        assertTrue(e.getMessage().contains("minMark"), e.getMessage());
    }

    @Test
    void unknownCategoryIsRejected() {
        String text = oneOffence("'figure': 'SALES'").replace("'TRADEMARK'", "'TRADEMARKS'");

        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json(text)));
    }

    @Test
    void categoryNamingAnUndefinedOffenceIsRejected() {
        String text = oneOffence("'figure': 'SALES'").replace("['214']", "['214', '999']");

        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json(text)));
    }

    @Test
    void offenceNoCategoryScreensIsRejected() {
        String text = oneOffence("'figure': 'SALES'").replace("['214']", "[]");

        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json(text)));
    }

    @Test
    void twoSetsTakingEffectTheSameDayAreRejected() {
        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json("""
                {'categories': {'TRADEMARK': ['214']},
                 'ruleSets': [
                   {'id': 'a', 'source': 's', 'effectiveFrom': '2025-04-26', 'offences': [
                     {'article': '214', 'name': 'n', 'conditions': [{'id': 'c', 'figure': 'SALES', 'atLeast': 1, 'text': 't'}]}]},
                   {'id': 'b', 'source': 's', 'effectiveFrom': '2025-04-26', 'offences': []}]}""")));
    }

    @Test
    void duplicateConditionIdIsRejected() {
        assertThrows(RuleDataException.class, () -> ThresholdRules.parse(json("""
                {'categories': {'TRADEMARK': ['214']},
                 'ruleSets': [{'id': 'a', 'source': 's', 'effectiveFrom': null, 'offences': [
                   {'article': '214', 'name': 'n', 'conditions': [
                     {'id': 'c', 'figure': 'SALES', 'atLeast': 1, 'text': 't'},
                     {'id': 'c', 'figure': 'SALES', 'atLeast': 2, 'text': 't'}]}]}]}""")));
    }

    @Test
    void nonPositiveThresholdIsRejected() {
        assertThrows(
                RuleDataException.class,
                () -> ThresholdRules.parse(json(oneOffence("'figure': 'SALES', 'atLeast': 0"))));
    }

    /** A rule file with one offence (214) and one condition whose fields are given. */
    private static String oneOffence(String conditionFields) {
        String fields = conditionFields.contains("atLeast") ? conditionFields : conditionFields + ", 'atLeast': 50000";
        return """
                {'categories': {'TRADEMARK': ['214']},
                 'ruleSets': [{'id': 'a', 'source': 's', 'effectiveFrom': null, 'offences': [
                   {'article': '214', 'name': 'n', 'conditions': [{'id': 'c', %s, 'text': 't'}]}]}]}""".formatted(fields);
    }
}
