package org.xianjie.referral.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xianjie.referral.domain.RuleDataException;

class TimeLimitTableTest {

    private static final TimeLimitTable TABLE = TimeLimitTable.loadDefault();

    @ParameterizedTest(name = "{0}: {1} {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            APPROVAL                 | 3  | CALENDAR_DAYS | 国务院令第310号 第5条
            SENDING                  | 24 | HOURS         | 国务院令第310号 第5条
            FORWARDING               | 24 | HOURS         | 国务院令第310号 第7条
            FILING_DECISION          | 3  | CALENDAR_DAYS | 国务院令第310号 第8条
            FILING_DECISION_EXTENDED | 10 | CALENDAR_DAYS | 公安机关受理行政执法机关移送涉嫌犯罪案件的规定
            FILING_DECISION_MAJOR    | 30 | CALENDAR_DAYS | 公安机关受理行政执法机关移送涉嫌犯罪案件的规定
            SEIZED_ITEMS_HANDOVER    | 3  | CALENDAR_DAYS | 国务院令第310号 第12条
            RECONSIDERATION_REQUEST  | 3  | CALENDAR_DAYS | 国务院令第310号 第9条
            RECONSIDERATION_DECISION | 3  | CALENDAR_DAYS | 国务院令第310号 第9条
            SUPERVISION_REQUEST      | 3  | CALENDAR_DAYS | 国务院令第310号 第9条
            EXPLANATION              | 7  | CALENDAR_DAYS | 人民检察院刑事诉讼规则（2019） 第560条
            FILING_ORDER             | 15 | CALENDAR_DAYS | 人民检察院刑事诉讼规则（2019） 第563条
            OUTCOME_TO_AGENCY        | 10 | CALENDAR_DAYS | 人民检察院刑事诉讼规则（2019） 第561条
            REVERSE_HANDOVER         | 3  | WORKING_DAYS  | 行刑反向衔接工作指引（2024年11月）
            REVERSE_REVIEW           | 10 | WORKING_DAYS  | 行刑反向衔接工作指引（2024年11月）
            OPINION_REPLY            | 2  | MONTHS        | 行政处罚法（2021） 第27条
            """)
    void shippedTableHoldsEveryStatutoryLimitWithItsSource(String code, int amount, LimitUnit unit, String source) {
        TimeLimit limit = TABLE.get(code);

        assertEquals(amount, limit.amount());
        assertEquals(unit, limit.unit());
        assertTrue(limit.source().contains(source), limit.source());
    }

    @Test
    void tableListsTheLimitsInTheOrderOfTheProcess() {
        assertEquals(
                TimeLimitCodes.ALL, TABLE.all().stream().map(TimeLimit::code).toList());
    }

    @Test
    void unitOfARuleIsConfigurable() {
        // A jurisdiction counting the 7-day explanation in working days, as 行政处罚法 art. 85 does for its limits.
        List<TimeLimit> limits = TABLE.all().stream()
                .map(l -> l.code().equals(TimeLimitCodes.EXPLANATION)
                        ? new TimeLimit(l.code(), 7, LimitUnit.WORKING_DAYS, l.source())
                        : l)
                .toList();
        TimeLimitTable configured = TimeLimitTable.parse(json(limits));
        DeadlineClock clock = new DeadlineClock(WorkingCalendar.loadDefault(), DeadlineClock.CHINA);
        Instant requested = LocalDateTime.parse("2025-09-26T10:00")
                .atZone(DeadlineClock.CHINA)
                .toInstant();

        TimeLimit explanation = configured.get(TimeLimitCodes.EXPLANATION);

        assertEquals(LimitUnit.WORKING_DAYS, explanation.unit());
        // Working days after Fri 26 Sep 2025: 28 (Sun, 调休), 29, 30 Sep, 9, 10, 11 (Sat, 调休), 13 Oct.
        assertEquals(
                Instant.parse("2025-10-13T15:59:59.999999Z"),
                clock.dueFor(requested, explanation).dueAt());
    }

    @Test
    void missingLimitIsRejected() {
        List<TimeLimit> withoutOne = TABLE.all().subList(1, TABLE.all().size());

        RuleDataException e = assertThrows(RuleDataException.class, () -> TimeLimitTable.parse(json(withoutOne)));
        assertTrue(e.getMessage().contains("APPROVAL"), e.getMessage());
    }

    @Test
    void unknownCodeIsRejected() {
        String text = "[{\"code\": \"APPROVEL\", \"amount\": 3, \"unit\": \"CALENDAR_DAYS\", \"source\": \"x\"}]";

        assertThrows(RuleDataException.class, () -> TimeLimitTable.parse(stream(text)));
    }

    @Test
    void unknownUnitIsRejected() {
        String text = jsonText(TABLE.all()).replaceFirst("\"HOURS\"", "\"MINUTES\"");

        assertThrows(RuleDataException.class, () -> TimeLimitTable.parse(stream(text)));
    }

    @Test
    void zeroAmountIsRejected() {
        String text = jsonText(TABLE.all()).replaceFirst("\"amount\": 3", "\"amount\": 0");

        assertThrows(RuleDataException.class, () -> TimeLimitTable.parse(stream(text)));
    }

    @Test
    void limitWithoutSourceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit("APPROVAL", 3, LimitUnit.CALENDAR_DAYS, " "));
    }

    @Test
    void unknownCodeLookupFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> TABLE.get("NOPE"));
        assertTrue(TABLE.find("NOPE").isEmpty());
    }

    private static InputStream json(List<TimeLimit> limits) {
        return stream(jsonText(limits));
    }

    private static String jsonText(List<TimeLimit> limits) {
        return limits.stream()
                .map(l -> "{\"code\": \"" + l.code() + "\", \"amount\": " + l.amount() + ", \"unit\": \"" + l.unit()
                        + "\", \"source\": \"" + l.source() + "\"}")
                .collect(Collectors.joining(",\n", "[", "]"));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
