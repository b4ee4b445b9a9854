package org.xianjie.referral.service;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.xianjie.referral.persistence.TimeLimitRecord;

/**
 * What the deadline workers do with the time limits of one aggregate they hold locked: every due
 * reminder, then every due breach, each in due order (the order a reader expects them), marked on
 * its row and announced, one after the other. Shared by the referral and the shared-item workers.
 */
public final class DueDeadlines {

    /** Writes the event of one marked limit to the outbox; {@code breach} tells which of the two. */
    @FunctionalInterface
    public interface Announcer<D> {
        Uni<?> announce(D deadline, boolean breach);
    }

    private DueDeadlines() {}

    /**
     * Marks and announces what is due at {@code now} among {@code all}; returns how many events it
     * wrote. {@code breachDue} is the aggregate's breach rule: {@link #breachDue} where every limit
     * is a duty, narrower where some only lapse.
     */
    public static <D extends TimeLimitRecord> Uni<Integer> fire(
            List<D> all, Instant now, BiPredicate<D, Instant> breachDue, Announcer<D> announcer) {
        List<D> reminders = all.stream()
                .filter(d -> reminderDue(d, now))
                .sorted(Comparator.comparing(d -> d.reminderAt))
                .toList();
        List<D> breached = all.stream()
                .filter(d -> breachDue.test(d, now))
                .sorted(Comparator.comparing(d -> d.dueAt))
                .toList();
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (D d : reminders) {
            chain = chain.chain(n -> {
                d.remindedAt = at(now);
                return announcer.announce(d, false).replaceWith(n + 1);
            });
        }
        for (D d : breached) {
            chain = chain.chain(n -> {
                d.breachedAt = at(now);
                if (d.remindedAt == null) {
                    d.remindedAt = at(now);
                }
                return announcer.announce(d, true).replaceWith(n + 1);
            });
        }
        return chain;
    }

    /** A reminder is due from its reminder time until the limit ends, once, while the limit is open. */
    public static boolean reminderDue(TimeLimitRecord d, Instant now) {
        return d.isOpen()
                && d.remindedAt == null
                && d.breachedAt == null
                && !d.reminderAt.toInstant().isAfter(now)
                && !d.dueAt.toInstant().isBefore(now);
    }

    /** A duty still open after its end breaches, once. */
    public static boolean breachDue(TimeLimitRecord d, Instant now) {
        return d.isOpen() && d.breachedAt == null && d.dueAt.toInstant().isBefore(now);
    }

    /** {@code now} as the workers store it (UTC). */
    public static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
