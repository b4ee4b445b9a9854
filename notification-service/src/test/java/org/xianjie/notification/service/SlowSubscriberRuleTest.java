package org.xianjie.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a stream counts as slow: owing events is not enough, its writes must also have stopped completing. */
class SlowSubscriberRuleTest {

    private static final int MAX_PENDING = 16;
    private static final long STALL = Duration.ofSeconds(5).toNanos();

    private final StreamSubscriber subscriber =
            new StreamSubscriber("TJ-PSB", Set.of("officer"), 0, null, null, MAX_PENDING, STALL);
    private final long justNow = System.nanoTime();

    @Test
    void aPromptClientOwingManyEventsWhileTheServerIsBusyKeepsItsStream() {
        assertThat(subscriber.isSlow(MAX_PENDING * 4, justNow)).isFalse();
    }

    @Test
    void aClientWhoseWritesHaveNotCompletedForTheStallTimeIsSlow() {
        assertThat(subscriber.isSlow(MAX_PENDING + 1, justNow + STALL + 1)).isTrue();
    }

    @Test
    void aStalledClientOwingLittleIsKept() {
        assertThat(subscriber.isSlow(MAX_PENDING, justNow + 10 * STALL)).isFalse();
    }

    @Test
    void aClientOwingTheHardCeilingIsSlowHoweverRecentItsLastWrite() {
        assertThat(subscriber.isSlow(StreamSubscriber.HARD_CEILING_FACTOR * MAX_PENDING + 1, justNow))
                .isTrue();
    }
}
