package org.xianjie.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstIsServedAtOnceThenTheCallerIsToldHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(1, bucket.tryTake(0));
    }

    @Test
    void tokensFlowBackAtTheRateButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertTrue(bucket.tryTake(SECOND / 2) > 0);
        assertEquals(0, bucket.tryTake(2 * SECOND));
        TokenBucket idle = new TokenBucket(1, 2, 0);
        assertEquals(0, idle.tryTake(100 * SECOND));
        assertEquals(0, idle.tryTake(100 * SECOND));
        assertTrue(idle.tryTake(100 * SECOND) > 0);
    }

    @Test
    void slowRateAsksForALongerWait() {
        TokenBucket bucket = new TokenBucket(0.2, 1, 0);
        bucket.tryTake(0);
        assertEquals(5, bucket.tryTake(0));
    }
}
