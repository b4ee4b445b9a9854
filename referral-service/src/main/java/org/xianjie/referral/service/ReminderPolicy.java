package org.xianjie.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * When the reminder before a time limit goes out: {@code xianjie.deadlines.reminder-before.<CODE>}
 * for one limit, else {@code xianjie.deadlines.reminder-before} for all, else a quarter of the
 * period, at most 24 hours (a 24-hour limit is reminded 6 hours before, a 3-day one 18 hours or
 * so before, a 2-month one a day before).
 */
@ApplicationScoped
public class ReminderPolicy {

    static final String PREFIX = "xianjie.deadlines.reminder-before";
    private static final Duration CAP = Duration.ofHours(24);

    private final Config config;

    public ReminderPolicy(Config config) {
        this.config = config;
    }

    public Instant reminderAt(String code, Instant countedFrom, Instant dueAt) {
        Optional<Duration> configured = config.getOptionalValue(PREFIX + "." + code, Duration.class)
                .or(() -> config.getOptionalValue(PREFIX, Duration.class));
        return reminderAt(configured, countedFrom, dueAt);
    }

    static Instant reminderAt(Optional<Duration> configured, Instant countedFrom, Instant dueAt) {
        Duration before = configured.orElseGet(() -> {
            Duration quarter = Duration.between(countedFrom, dueAt).dividedBy(4);
            return quarter.compareTo(CAP) > 0 ? CAP : quarter;
        });
        Instant at = dueAt.minus(before.isNegative() ? Duration.ZERO : before);
        return at.isBefore(countedFrom) ? countedFrom : at;
    }
}
