package org.xianjie.referral.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.xianjie.referral.domain.process.ReferralState;

/** Business gauges: {@code xianjie.referrals{state}} and {@code xianjie.deadlines.overdue}. */
@ApplicationScoped
public class ReferralMetrics {

    private final Pool pool;
    private final Clock clock;
    private final Map<ReferralState, AtomicLong> byState = new EnumMap<>(ReferralState.class);
    private final AtomicLong overdue = new AtomicLong();

    public ReferralMetrics(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        for (ReferralState state : ReferralState.values()) {
            AtomicLong gauge = new AtomicLong();
            byState.put(state, gauge);
            registry.gauge("xianjie.referrals", Tags.of("state", state.name()), gauge);
        }
        registry.gauge("xianjie.deadlines.overdue", overdue);
    }

    @Scheduled(every = "${xianjie.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return pool.query("select state, count(*) from referral group by state")
                .execute()
                .invoke(rows -> {
                    byState.values().forEach(g -> g.set(0));
                    for (Row row : rows) {
                        byState.get(ReferralState.valueOf(row.getString(0))).set(row.getLong(1));
                    }
                })
                .chain(() -> pool.preparedQuery("""
                                select count(*) from deadline where closed_at is null and kind = 'DUTY' and due_at < $1""")
                        .execute(Tuple.of(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .invoke(rows -> overdue.set(rows.iterator().next().getLong(0)))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
