package org.xianjie.notification.domain;

import java.time.Duration;

/**
 * Exponential backoff with jitter for webhook deliveries: after failed attempt {@code n} (1-based)
 * wait {@code base * 2^(n-1)} plus up to half of that at random, capped at {@code max}; after
 * {@code maxAttempts} failures the delivery is dead (死信).
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait after {@code attemptsMade} failures; {@code random} in [0, 1) gives the jitter. */
    public Duration delayAfter(int attemptsMade, double random) {
        long baseMs = base.toMillis();
        int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long exp = baseMs * (1L << exponent);
        long jitter = (long) (exp * 0.5 * random);
        return Duration.ofMillis(Math.min(exp + jitter, max.toMillis()));
    }
}
