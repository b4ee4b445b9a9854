package org.xianjie.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One token bucket per agency, so that one agency system in a loop cannot starve the others.
 * Defaults come from {@code xianjie.rate-limit.per-agency-per-second} and
 * {@code xianjie.rate-limit.burst}; an operator may set a single agency's limits with
 * {@code xianjie.rate-limit.agency.<code>.per-second} and {@code ...burst}. The limit holds per replica.
 */
@ApplicationScoped
public class AgencyRateLimiter {

    private final Config config;
    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public AgencyRateLimiter(
            Config config,
            @ConfigProperty(name = "xianjie.rate-limit.per-agency-per-second", defaultValue = "50") double perSecond,
            @ConfigProperty(name = "xianjie.rate-limit.burst", defaultValue = "100") double burst) {
        this.config = config;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 if the agency may proceed, else the seconds it should wait (for Retry-After). */
    public long acquire(String agencyCode) {
        return buckets.computeIfAbsent(agencyCode, this::bucketFor).tryTake(System.nanoTime());
    }

    private TokenBucket bucketFor(String agencyCode) {
        String prefix = "xianjie.rate-limit.agency." + agencyCode + ".";
        double rate =
                config.getOptionalValue(prefix + "per-second", Double.class).orElse(perSecond);
        double size = config.getOptionalValue(prefix + "burst", Double.class).orElse(burst);
        return new TokenBucket(rate, size, System.nanoTime());
    }
}
