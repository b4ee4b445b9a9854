package org.xianjie.referral.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PenaltyReviewRuleTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-03-20T02:00:00Z");
    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);

    @Test
    void aReviewOnOrAfterTheDecisionDayAndNotInTheFutureStands() {
        // 00:30 on the decision day in Shanghai is still the 9th in UTC: the local date decides
        assertThat(PenaltyReviewRule.checkOccurredAt(Instant.parse("2026-03-09T16:30:00Z"), DECIDED, NOW, CHINA))
                .isEmpty();
        assertThat(PenaltyReviewRule.checkOccurredAt(NOW, DECIDED, NOW, CHINA)).isEmpty();
    }

    @Test
    void aReviewBeforeTheDecisionOrInTheFutureIsRefusedWithTheReason() {
        assertThat(PenaltyReviewRule.checkOccurredAt(Instant.parse("2026-03-09T15:59:00Z"), DECIDED, NOW, CHINA))
                .hasValueSatisfying(m -> assertThat(m).contains("2026-03-10"));
        assertThat(PenaltyReviewRule.checkOccurredAt(NOW.plusSeconds(60), DECIDED, NOW, CHINA))
                .contains("must not be in the future");
    }
}
