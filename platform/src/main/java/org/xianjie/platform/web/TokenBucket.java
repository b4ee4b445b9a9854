package org.xianjie.platform.web;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in, at most {@code burst} are kept; each
 * request takes one. Pure and clock-free (the caller passes the time) so it is tested without waiting.
 */
public final class TokenBucket {

    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token; returns 0 if granted, else the whole seconds to wait before one is available (≥ 1). */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double missing = 1 - tokens;
        return Math.max(1, (long) Math.ceil(missing / ratePerSecond));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / 1e9 * ratePerSecond);
            lastNanos = nowNanos;
        }
    }
}
