package org.xianjie.referral.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xianjie.referral.domain.RuleDataException;

class WorkingCalendarParserTest {

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rangesAndSingleDatesAreBothAccepted() {
        List<YearCalendar> years = WorkingCalendarParser.parse(json("""
                [{'year': 2027,
                  'restDays': ['2027-01-01', {'from': '2027-02-05', 'to': '2027-02-07'}],
                  'makeUpWorkingDays': [{'from': '2027-02-13', 'to': '2027-02-13'}]}]"""));

        YearCalendar year = years.get(0);
        assertEquals(2027, year.year());
        assertEquals(
                Set.of(
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-02-05"),
                        LocalDate.parse("2027-02-06"),
                        LocalDate.parse("2027-02-07")),
                year.restDays());
        assertEquals(Set.of(LocalDate.parse("2027-02-13")), year.makeUpWorkingDays());
    }

    @Test
    void rangeEndingBeforeItStartsIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': [{'from': '2027-02-07', 'to': '2027-02-05'}], 'makeUpWorkingDays': []}]""")));
    }

    @Test
    void misspeltFieldIsRejectedRatherThanIgnored() {
        RuleDataException e = assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restdays': ['2027-01-01'], 'makeUpWorkingDays': []}]""")));
        assertTrue(e.getMessage().contains("restdays"), e.getMessage());
    }

    @Test
    void dateOutsideItsYearIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': ['2028-01-01'], 'makeUpWorkingDays': []}]""")));
    }

    @Test
    void dayBothRestAndMakeUpIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': ['2027-02-13'], 'makeUpWorkingDays': ['2027-02-13']}]""")));
    }

    @Test
    void sameYearTwiceIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': [], 'makeUpWorkingDays': []},
                 {'year': 2027, 'restDays': [], 'makeUpWorkingDays': []}]""")));
    }

    @Test
    void malformedDateIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': ['2027-13-01'], 'makeUpWorkingDays': []}]""")));
    }

    @Test
    void missingListIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("""
                [{'year': 2027, 'restDays': []}]""")));
    }

    @Test
    void brokenJsonIsRejected() {
        assertThrows(RuleDataException.class, () -> WorkingCalendarParser.parse(json("[{'year': 2027,")));
    }
}
