package org.xianjie.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActTimePolicyTest {

    private static final ActTimePolicy POLICY = new ActTimePolicy(Duration.ofMinutes(2), Duration.ofDays(30));
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void aTimeWithinTheSkewAndWindowAfterThePreviousActIsAccepted() {
        assertTrue(POLICY.check(NOW.plusSeconds(119), NOW, NOW.minusSeconds(1), false)
                .isEmpty());
        assertTrue(
                POLICY.check(NOW.minus(Duration.ofDays(30)), NOW, null, false).isEmpty());
        assertTrue(POLICY.check(NOW.minusSeconds(5), NOW, NOW.minusSeconds(5), false)
                .isEmpty());
    }

    @Test
    void theFutureIsRefusedWith400NamingTheLimit() {
        ActTimePolicy.Refusal r =
                POLICY.check(NOW.plusSeconds(121), NOW, null, true).orElseThrow();
        assertEquals(400, r.status());
        assertEquals("2026-12-01T02:02:00Z", r.limit());
    }

    @Test
    void backdatingBeyondTheWindowNeedsTheCorrectorRole() {
        Instant old = NOW.minus(Duration.ofDays(31));
        assertTrue(POLICY.check(old, NOW, null, false).orElseThrow().message().contains("history-corrector"));
        assertTrue(POLICY.check(old, NOW, null, true).isEmpty());
    }

    @Test
    void anActBeforeThePreviousOneIsAConflictEvenForTheCorrector() {
        ActTimePolicy.Refusal r = POLICY.check(NOW.minusSeconds(10), NOW, NOW.minusSeconds(5), true)
                .orElseThrow();
        assertEquals(409, r.status());
        assertEquals(409, r.problem("[2].time").status());
    }

    @Test
    void anAbsentTimeIsTheTimeOfRecordingInMicroseconds() {
        Instant recorded = Instant.parse("2026-12-01T02:00:00.123456789Z");
        assertEquals(Instant.parse("2026-12-01T02:00:00.123456Z"), ActTimePolicy.occurredAt(null, recorded));
    }
}
