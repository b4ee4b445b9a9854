package org.xianjie.platform.retention;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes what the platform tables no longer need, in small batches so that no delete holds many
 * locks or a long transaction: outbox rows published longer ago than their retention, processed
 * event ids older than theirs, and idempotency records past theirs.
 *
 * <p>A processed-event id must be kept as long as its record can still be delivered again, or a
 * redelivery would be processed twice: its retention must exceed the retention of every topic the
 * service consumes (14 days in deploy/kafka/topics.yaml), so it defaults to 30 days, and startup
 * refuses a value under 15 days.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);
    static final Duration MIN_PROCESSED_EVENTS = Duration.ofDays(15);

    private final Pool pool;
    private final Duration outbox;
    private final Duration processedEvents;
    private final Duration idempotency;
    private final int batchSize;

    public RetentionPruner(
            Pool pool,
            @ConfigProperty(name = "xianjie.retention.outbox", defaultValue = "P7D") Duration outbox,
            @ConfigProperty(name = "xianjie.retention.processed-events", defaultValue = "P30D")
                    Duration processedEvents,
            @ConfigProperty(name = "xianjie.retention.idempotency", defaultValue = "P7D") Duration idempotency,
            @ConfigProperty(name = "xianjie.retention.batch-size", defaultValue = "1000") int batchSize) {
        if (processedEvents.compareTo(MIN_PROCESSED_EVENTS) < 0) {
            throw new IllegalArgumentException("xianjie.retention.processed-events must exceed the consumed topics' "
                    + "retention (14 days); got " + processedEvents);
        }
        this.pool = pool;
        this.outbox = outbox;
        this.processedEvents = processedEvents;
        this.idempotency = idempotency;
        this.batchSize = batchSize;
    }

    @Scheduled(
            every = "${xianjie.retention.interval:10m}",
            delayed = "${xianjie.retention.first-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune().onFailure()
                .invoke(f -> LOG.warnf("retention pruning failed, will try again: %s", f.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Runs every prune to completion; the counts deleted, in the order outbox, processed, idempotency. */
    public Uni<long[]> prune() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long[] deleted = new long[3];
        return all("""
                        delete from outbox_event where id in (select id from outbox_event
                        where published_at < $1 order by published_at limit $2)""", now.minus(outbox))
                .invoke(n -> deleted[0] = n)
                .chain(() -> all("""
                        delete from processed_event where (source, event_id) in (select source, event_id
                        from processed_event where processed_at < $1 order by processed_at limit $2)""", now.minus(processedEvents)))
                .invoke(n -> deleted[1] = n)
                .chain(() -> all("""
                        delete from idempotency_record where (agency_code, idem_key) in (select agency_code, idem_key
                        from idempotency_record where created_at < $1 order by created_at limit $2)""", now.minus(idempotency)))
                .invoke(n -> deleted[2] = n)
                .invoke(() -> {
                    if (deleted[0] + deleted[1] + deleted[2] > 0) {
                        LOG.infof(
                                "retention: deleted %d published outbox rows, %d processed event ids, "
                                        + "%d idempotency records",
                                deleted[0], deleted[1], deleted[2]);
                    }
                })
                .replaceWith(deleted);
    }

    /** Repeats one batched delete (each its own short transaction) until a batch comes back short. */
    private Uni<Long> all(String sql, OffsetDateTime cutoff) {
        return batch(sql, cutoff, 0L);
    }

    private Uni<Long> batch(String sql, OffsetDateTime cutoff, long sofar) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(cutoff, batchSize))
                .chain(rows -> rows.rowCount() < batchSize
                        ? Uni.createFrom().item(sofar + rows.rowCount())
                        : batch(sql, cutoff, sofar + rows.rowCount()));
    }
}
