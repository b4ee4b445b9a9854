package org.xianjie.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;
import org.xianjie.notification.domain.WebhookSignature;

/**
 * Delivers queued webhooks. A claim takes due deliveries ({@code for update skip locked}, so
 * replicas share the work) whose endpoint has no earlier pending delivery for the same case, and
 * leases them; each is POSTed signed (Standard Webhooks headers) with the Vert.x client, which never
 * blocks the event loop, to the address {@link WebhookAddressPolicy} checked just before (redirects
 * are not followed). The log records only "HTTP status" or one generic failure reason, so it
 * cannot be used to map which ports are open behind an address. A 2xx marks it delivered, with its
 * signed evidence of delivery ({@link NotificationEvidences}) in the same transaction; anything else is retried with exponential
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
    private final WebhookAddressPolicy addresses;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private final WebhookMetrics metrics;
    private final NotificationEvidences evidences;

    static final String UNREACHABLE = "no HTTP response from the endpoint";
    static final String REFUSED = "refused by the webhook address policy";

    public WebhookWorker(
            Pool pool,
            io.vertx.core.Vertx vertx,
            RetryPolicy policy,
            NotificationSignals signals,
            WebhookAddressPolicy addresses,
            WebhookMetrics metrics,
            NotificationEvidences evidences,
            @ConfigProperty(name = "xianjie.webhooks.timeout") Duration timeout) {
        this.metrics = metrics;
        this.evidences = evidences;
        this.pool = pool;
        this.vertx = vertx;
        this.policy = policy;
        this.timeout = timeout;
        this.addresses = addresses;
        // forceSni: TLS still names the URL's host although the connection goes to a checked address.
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(false));
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
            claim().chain(this::deliverAll)
                    .subscribe()
                    .with(
                            count -> {
                                running.set(false);
                                if (count > 0 || again.get()) {
                                    wake();
                                }
                            },
                            failure -> {
                                running.set(false);
                                LOG.warnf("webhook worker failed, next poll retries: %s", failure.toString());
                            });
        }
    }

    private record Claimed(
            long id, UUID endpointId, UUID notificationId, String payload, int attempts, String url, String secret) {}

    private Uni<List<Claimed>> claim() {
        Duration lease = timeout.plusSeconds(30);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select d.id, d.endpoint_id, d.notification_id, d.payload, d.attempts, e.url, e.secret
                          from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                         where d.status = 'PENDING' and d.next_attempt_at <= now()
                           and not exists (select 1 from webhook_delivery p
                                            where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
                                              and p.status = 'PENDING' and p.id < d.id)
                         order by d.id limit $1
                         for update of d skip locked""")
                .execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Claimed(
                                r.getLong("id"),
                                r.getUUID("endpoint_id"),
                                r.getUUID("notification_id"),
                                r.getString("payload"),
                                r.getInteger("attempts"),
                                r.getString("url"),
                                r.getString("secret")));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return conn.preparedQuery(
                                    "update webhook_delivery set next_attempt_at = now() + ($2::bigint) * interval '1 millisecond' where id = any($1)")
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
        long started = System.nanoTime();
        return addresses
                .check(d.url())
                .onItem()
                .transformToUni(target -> post(d, target))
                .onItemOrFailure()
                .transformToUni((status, failure) -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (failure instanceof WebhookAddressPolicy.Refused) {
                        return record(d, null, REFUSED, ms);
                    }
                    if (failure != null) {
                        // One reason for every way of not getting an answer: refused, reset, timed out,
                        // not HTTP, TLS failure, unresolvable. Details go to the log only.
                        LOG.debugf("webhook delivery %d failed: %s", d.id(), failure.toString());
                        return record(d, null, UNREACHABLE, ms);
                    }
                    return record(d, status, status / 100 == 2 ? null : "HTTP " + status, ms);
                });
    }

    private Uni<Integer> post(Claimed d, WebhookAddressPolicy.Target target) {
        long timestamp = Instant.now().getEpochSecond();
        String id = d.notificationId().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(d.url())
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Xianjie-Webhooks/1.0")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(d.secret(), id, timestamp, d.payload()));
        return Uni.createFrom()
                .completionStage(() -> http.request(options)
                        .compose(request -> request.send(Buffer.buffer(d.payload())))
                        .compose(response -> response.end().map(ended -> response.statusCode()))
                        .toCompletionStage());
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
            delayMs = policy.delayAfter(attempt, ThreadLocalRandom.current().nextDouble())
                    .toMillis();
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
                                .execute(Tuple.from(Arrays.asList(d.id(), attempt, next, status, truncated, wait))))
                        .call(() -> ok
                                ? evidences.delivered(
                                        conn, d.notificationId(), d.endpointId(), OffsetDateTime.now(ZoneOffset.UTC))
                                : Uni.createFrom().voidItem()))
                .invoke(() -> {
                    metrics.attempted(
                            error == null
                                    ? null
                                    : status != null ? "http" : REFUSED.equals(error) ? "refused" : "unreachable",
                            "DEAD".equals(next));
                    if ("PENDING".equals(next)) {
                        // Retry on time rather than at the next poll: short backoffs stay short.
                        vertx.setTimer(Math.max(wait, 1), timer -> wake());
                    }
                    if ("DEAD".equals(next)) {
                        LOG.warnf(
                                "webhook delivery %d to %s is dead after %d attempts: %s",
                                d.id(), d.url(), attempt, error);
                    }
                })
                .replaceWithVoid();
    }
}
