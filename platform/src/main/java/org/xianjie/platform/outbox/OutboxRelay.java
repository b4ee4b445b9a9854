package org.xianjie.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.EventSchemas;
import org.xianjie.events.KafkaHeaders;
import org.xianjie.platform.failure.FailureClassifier;
import org.xianjie.platform.health.KafkaBrokerProbe;
import org.xianjie.platform.pg.PgNotifications;

/**
 * Publishes the outbox to Kafka soon after each commit.
 *
 * <p>A trigger on the outbox table sends {@code NOTIFY xianjie_outbox} at commit; the relay
 * listens and drains at once, so an event normally leaves within milliseconds. A poll every
 * second covers missed notifications, restarts and broker outages. Each drain takes a
 * transaction-scoped advisory lock, so with several replicas only one relays at a time and the
 * per-case order of the table (its id) is the order on the topic. Rows are marked published only
 * after the broker acknowledged them; a crash in between re-sends them, and consumers dedupe on
 * the CloudEvent id.
 *
 * <p>When a drain fails (the broker is away), the relay backs off exponentially, and until the
 * broker answers a cheap probe again it opens no transaction and sends nothing, so an outage costs
 * neither a tight loop nor a transaction held open across a send that cannot succeed.
 *
 * <p>It uses the Kafka producer directly rather than a messaging emitter because it must know,
 * per record, that the broker acknowledged it before the row is marked, and must bound every wait
 * while the broker is away.
 *
 * <p>Only a service that publishes runs it: one that appends nothing to its outbox sets
 * {@code xianjie.outbox.relay.enabled=false} (a build property, so the bean is not even built).
 */
@ApplicationScoped
@IfBuildProperty(name = "xianjie.outbox.relay.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "xianjie_outbox";
    /** Arbitrary constant naming the relay's advisory lock within a service's own database. */
    private static final long LOCK_KEY = 0x58_49_41_4E_4A_49_45L;

    private final Pool pool;
    private final KafkaProducerFactory producers;
    private final PgNotifications notifications;
    private final int batchSize;
    private final Duration sendTimeout;
    private final KafkaBrokerProbe probe;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    /** Zero while healthy; after failures, the current delay before the broker is probed again. */
    private volatile long backoffMillis;

    private volatile long retryAtNanos;
    /** Whether the last failure was the broker's (then the broker is probed before a transaction is opened). */
    private volatile boolean brokerAway;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private volatile KafkaProducer<String, byte[]> producer;
    /** The records of the last send until the broker acknowledged them; nothing is sent again meanwhile. */
    private volatile CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    private volatile boolean stopped;

    public OutboxRelay(
            Pool pool,
            KafkaProducerFactory producers,
            PgNotifications notifications,
            MeterRegistry registry,
            KafkaBrokerProbe probe,
            @ConfigProperty(name = "xianjie.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "xianjie.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout,
            @ConfigProperty(name = "xianjie.outbox.backoff.initial", defaultValue = "PT0.5S") Duration initialBackoff,
            @ConfigProperty(name = "xianjie.outbox.backoff.max", defaultValue = "PT5S") Duration maxBackoff) {
        this.pool = pool;
        this.probe = probe;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.producers = producers;
        this.notifications = notifications;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        registry.gauge("xianjie.outbox.backlog", backlog);
    }

    void start(@Observes StartupEvent event) {
        producer = producers.create();
        notifications.listen(CHANNEL, payload -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    @Scheduled(every = "${xianjie.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measureBacklog() {
        return pool.query("select count(*) from outbox_event where published_at is null")
                .execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong(0)))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Asks for a drain; drains never overlap within a replica, and a wake during one runs another. */
    public void wake() {
        if (stopped || producer == null) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    private void loop() {
        again.set(false);
        if (backoffMillis > 0) {
            if (System.nanoTime() < retryAtNanos) {
                // Backing off: the scheduled poll wakes the relay again once the delay has passed.
                running.set(false);
                return;
            }
            if (brokerAway) {
                probe.reachable().subscribe().with(up -> {
                    if (up) {
                        LOG.info("outbox relay: broker answers again, resuming");
                        brokerAway = false;
                        drain();
                    } else {
                        backOff();
                        running.set(false);
                    }
                });
                return;
            }
        }
        drain();
    }

    private void drain() {
        drainOnce()
                .subscribe()
                .with(
                        published -> {
                            backoffMillis = 0;
                            running.set(false);
                            if (published >= batchSize || again.get()) {
                                wake();
                            }
                        },
                        failure -> {
                            brokerAway = isBrokerFailure(failure);
                            backOff();
                            running.set(false);
                            LOG.warnf(
                                    "outbox relay could not publish, retrying in %d ms%s: %s",
                                    backoffMillis,
                                    brokerAway ? " once the broker answers" : "",
                                    FailureClassifier.reason(failure));
                        });
    }

    /** A send that failed or timed out (rather than the database): probe the broker before the next transaction. */
    static boolean isBrokerFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.kafka.common.KafkaException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void backOff() {
        long next = backoffMillis == 0 ? initialBackoff.toMillis() : backoffMillis * 2;
        backoffMillis = Math.min(next, maxBackoff.toMillis());
        retryAtNanos = System.nanoTime() + backoffMillis * 1_000_000;
    }

    /** Publishes one batch; returns how many rows were published (0 if another replica holds the lock). */
    Uni<Integer> drainOnce() {
        if (!pending.isDone()) {
            // A send is still waiting for the broker (it keeps its order); re-sending now could only
            // duplicate it. The rows stay unpublished until a drain after it completes.
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(LOCK_KEY))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? publishBatch(conn)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery("""
                        select id, event_id, source, type, subject, topic, record_key, event_time, data
                        from outbox_event where published_at is null order by id limit $1""").execute(Tuple.of(batchSize)).chain(rows -> {
            List<Long> ids = new ArrayList<>();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getLong("id"));
                records.add(toRecord(row));
            }
            if (records.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return send(records)
                    .chain(() -> conn.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                            .execute(Tuple.of(ids.toArray(Long[]::new)))
                            .replaceWith(ids.size()));
        });
    }

    /** Sends in table order and completes when the broker acknowledged every record. */
    private Uni<Void> send(List<ProducerRecord<String, byte[]>> records) {
        KafkaProducer<String, byte[]> p = producer;
        // send() may block on metadata while the broker is away: keep it off the event loop.
        return Uni.createFrom()
                .completionStage(() -> {
                    List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
                    for (ProducerRecord<String, byte[]> record : records) {
                        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
                        p.send(record, (metadata, error) -> {
                            if (error != null) {
                                ack.completeExceptionally(error);
                            } else {
                                ack.complete(metadata);
                            }
                        });
                        acks.add(ack);
                        if (ack.isCompletedExceptionally()) {
                            // Failed before it was queued (no metadata while the broker is away): sending
                            // the later records now would put them on the topic ahead of this one.
                            break;
                        }
                    }
                    CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
                    pending = all;
                    all.whenComplete((ok, error) -> wake());
                    return all;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem()
                .after(sendTimeout)
                .fail()
                .replaceWithVoid();
    }

    static ProducerRecord<String, byte[]> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, KafkaHeaders.SPEC_VERSION, CloudEvent.SPEC_VERSION);
        header(headers, KafkaHeaders.ID, row.getString("event_id"));
        header(headers, KafkaHeaders.SOURCE, row.getString("source"));
        header(headers, KafkaHeaders.TYPE, row.getString("type"));
        header(headers, KafkaHeaders.SUBJECT, row.getString("subject"));
        OffsetDateTime time = row.getOffsetDateTime("event_time");
        header(headers, KafkaHeaders.TIME, time == null ? null : time.toString());
        header(headers, KafkaHeaders.CONTENT_TYPE, CloudEvent.JSON);
        // Derived from the type rather than stored: one rule (EventSchemas), also for rows written
        // before the attribute existed.
        header(
                headers,
                KafkaHeaders.DATA_SCHEMA,
                EventSchemas.uriOf(row.getString("type")).toString());
        return new ProducerRecord<>(
                row.getString("topic"),
                null,
                row.getString("record_key"),
                row.getString("data").getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
