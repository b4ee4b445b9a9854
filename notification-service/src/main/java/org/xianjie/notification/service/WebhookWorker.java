package org.xianjie.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;
import org.xianjie.notification.domain.WebhookSignature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers queued webhooks. A claim takes due deliveries ({@code for update skip locked}, so
 * replicas share the work) whose endpoint has no earlier pending delivery for the same case, and
 * leases them; each is POSTed signed (Standard Webhooks headers) with the JDK client, which never
 * blocks the event loop. A 2xx marks it delivered; anything else is retried with exponential
 * backoff and jitter until the policy gives up and parks it as DEAD (死信) for inspection and
 * redelivery. Every attempt is logged.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int BATCH = 20;

    private final Pool pool;
    private final io.vertx.core.Vertx vertx;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    public WebhookWorker(Pool pool, io.vertx.core.Vertx vertx, RetryPolicy policy, NotificationSignals signals,
                         @ConfigProperty(name = "xianjie.webhooks.timeout") Duration timeout) {
        this.pool = pool;
        this.vertx = vertx;
        this.policy = policy;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        signals.onNotification(agency -> wake());
    }

    @Scheduled(every = "${xianjie.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            again.set(false);
            claim().chain(this::deliverAll).subscribe().with(count -> {
                running.set(false);
                if (count > 0 || again.get()) {
                    wake();
                }
            }, failure -> {
                running.set(false);
                LOG.warnf("webhook worker failed, next poll retries: %s", failure.toString());
            });
        }
    }

    private record Claimed(long id, UUID notificationId, String payload, int attempts, String url, String secret) {
    }

    private Uni<List<Claimed>> claim() {
        Duration lease = timeout.plusSeconds(30);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select d.id, d.notification_id, d.payload, d.attempts, e.url, e.secret
                          from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                         where d.status = 'PENDING' and d.next_attempt_at <= now()
                           and not exists (select 1 from webhook_delivery p
                                            where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
                                              and p.status = 'PENDING' and p.id < d.id)
                         order by d.id limit $1
                         for update of d skip locked""").execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Claimed(r.getLong("id"), r.getUUID("notification_id"), r.getString("payload"),
                                r.getInteger("attempts"), r.getString("url"), r.getString("secret")));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return conn.preparedQuery("update webhook_delivery set next_attempt_at = now() + ($2::bigint) * interval '1 millisecond' where id = any($1)")
                            .execute(Tuple.of(claimed.stream().map(Claimed::id).toArray(Long[]::new), lease.toMillis()))
                            .replaceWith(claimed);
                }));
    }

    private Uni<Integer> deliverAll(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> deliveries = claimed.stream().map(this::deliver).toList();
        return Uni.join().all(deliveries).andCollectFailures().replaceWith(claimed.size());
    }

    private Uni<Void> deliver(Claimed d) {
        long timestamp = Instant.now().getEpochSecond();
        String id = d.notificationId().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "Xianjie-Webhooks/1.0")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(d.secret(), id, timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return record(d, null, "invalid request: " + e.getMessage(), 0);
        }
        long started = System.nanoTime();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .onItemOrFailure().transformToUni((response, failure) -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        return record(d, null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), ms);
                    }
                    int status = response.statusCode();
                    return record(d, status, status / 100 == 2 ? null : "HTTP " + status, ms);
                });
    }

    private Uni<Void> record(Claimed d, Integer status, String error, long ms) {
        int attempt = d.attempts() + 1;
        boolean ok = error == null;
        String next;
        long delayMs = 0;
        if (ok) {
            next = "DELIVERED";
        } else if (policy.exhausted(attempt)) {
            next = "DEAD";
        } else {
            next = "PENDING";
            delayMs = policy.delayAfter(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
        }
        String truncated = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        long wait = delayMs;
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                                values ($1, $2, now(), $3, $4, $5)""")
                        .execute(Tuple.from(Arrays.asList(d.id(), attempt, status, truncated, ms)))
                        .chain(() -> conn.preparedQuery("""
                                        update webhook_delivery set attempts = $2, status = $3, last_status = $4, last_error = $5,
                                            next_attempt_at = now() + ($6::bigint) * interval '1 millisecond',
                                            delivered_at = case when $3 = 'DELIVERED' then now() else delivered_at end
                                         where id = $1""")
                                .execute(Tuple.from(Arrays.asList(d.id(), attempt, next, status, truncated, wait)))))
                .invoke(() -> {
                    if ("PENDING".equals(next)) {
                        // Retry on time rather than at the next poll: short backoffs stay short.
                        vertx.setTimer(Math.max(wait, 1), timer -> wake());
                    }
                    if ("DEAD".equals(next)) {
                        LOG.warnf("webhook delivery %d to %s is dead after %d attempts: %s", d.id(), d.url(), attempt, error);
                    }
                })
                .replaceWithVoid();
    }
}
