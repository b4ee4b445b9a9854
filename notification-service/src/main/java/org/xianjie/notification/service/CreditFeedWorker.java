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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;
import org.xianjie.notification.domain.WebhookSignature;

/**
 * Pushes queued credit feed events to the credit-sharing platform: CloudEvents in structured mode
 * ({@code application/cloudevents+json}), signed like webhooks (Standard Webhooks headers, HMAC
 * with {@code xianjie.credit-feed.secret}), to an address the webhook address policy allows. Per
 * case in order (a correction never overtakes its publication); replicas share the work
 * ({@code skip locked}). A 2xx marks it delivered; anything else is retried with the webhooks'
 * backoff until it is DEAD. Every attempt is kept in {@code credit_feed_attempt}.
 */
@ApplicationScoped
public class CreditFeedWorker {

    private static final Logger LOG = Logger.getLogger(CreditFeedWorker.class);
    private static final int BATCH = 20;

    private final Pool pool;
    private final io.vertx.core.Vertx vertx;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final HttpClient http;
    private final WebhookAddressPolicy addresses;
    private final CreditFeedSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    public CreditFeedWorker(
            Pool pool,
            io.vertx.core.Vertx vertx,
            RetryPolicy policy,
            WebhookAddressPolicy addresses,
            CreditFeedSettings settings,
            @ConfigProperty(name = "xianjie.webhooks.timeout") Duration timeout) {
        this.pool = pool;
        this.vertx = vertx;
        this.policy = policy;
        this.timeout = timeout;
        this.addresses = addresses;
        this.settings = settings;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    @Scheduled(every = "${xianjie.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    public void wake() {
        if (stopped || !settings.enabled()) {
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
                                LOG.warnf("credit feed worker failed, next poll retries: %s", failure.toString());
                            });
        }
    }

    private record Claimed(long id, String eventId, String payload, int attempts) {}

    private Uni<List<Claimed>> claim() {
        Duration lease = timeout.plusSeconds(30);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select d.id, d.event_id, d.payload, d.attempts
                          from credit_feed_delivery d
                         where d.status = 'PENDING' and d.next_attempt_at <= now()
                           and not exists (select 1 from credit_feed_delivery p
                                            where p.case_id = d.case_id and p.status = 'PENDING' and p.id < d.id)
                         order by d.id limit $1
                         for update of d skip locked""")
                .execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Claimed(
                                r.getLong("id"),
                                r.getUUID("event_id").toString(),
                                r.getString("payload"),
                                r.getInteger("attempts")));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return conn.preparedQuery(
                                    "update credit_feed_delivery set next_attempt_at = now() + ($2::bigint) * interval '1 millisecond' where id = any($1)")
                            .execute(Tuple.of(claimed.stream().map(Claimed::id).toArray(Long[]::new), lease.toMillis()))
                            .replaceWith(claimed);
                }));
    }

    private Uni<Integer> deliverAll(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join()
                .all(claimed.stream().map(this::deliver).toList())
                .andCollectFailures()
                .replaceWith(claimed.size());
    }

    private Uni<Void> deliver(Claimed d) {
        long started = System.nanoTime();
        String url = settings.url();
        return addresses
                .check(url)
                .onItem()
                .transformToUni(target -> post(d, url, target))
                .onItemOrFailure()
                .transformToUni((status, failure) -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    if (failure instanceof WebhookAddressPolicy.Refused) {
                        return record(d, null, WebhookWorker.REFUSED, ms);
                    }
                    if (failure != null) {
                        LOG.debugf("credit feed delivery %d failed: %s", d.id(), failure.toString());
                        return record(d, null, WebhookWorker.UNREACHABLE, ms);
                    }
                    return record(d, status, status / 100 == 2 ? null : "HTTP " + status, ms);
                });
    }

    private Uni<Integer> post(Claimed d, String url, WebhookAddressPolicy.Target target) {
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("user-agent", "Xianjie-CreditFeed/1.0")
                .putHeader("webhook-id", d.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader(
                        "webhook-signature",
                        WebhookSignature.sign(settings.secret(), d.eventId(), timestamp, d.payload()));
        return Uni.createFrom()
                .completionStage(() -> http.request(options)
                        .compose(request -> request.send(Buffer.buffer(d.payload())))
                        .compose(response -> response.end().map(ended -> response.statusCode()))
                        .toCompletionStage());
    }

    private Uni<Void> record(Claimed d, Integer status, String error, long ms) {
        int attempt = d.attempts() + 1;
        String next;
        long delayMs = 0;
        if (error == null) {
            next = "DELIVERED";
        } else if (policy.exhausted(attempt)) {
            next = "DEAD";
        } else {
            next = "PENDING";
            delayMs = policy.delayAfter(attempt, ThreadLocalRandom.current().nextDouble())
                    .toMillis();
        }
        long wait = delayMs;
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into credit_feed_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                                values ($1, $2, now(), $3, $4, $5)""")
                        .execute(Tuple.from(Arrays.asList(d.id(), attempt, status, error, ms)))
                        .chain(() -> conn.preparedQuery("""
                                        update credit_feed_delivery set attempts = $2, status = $3, last_status = $4, last_error = $5,
                                            next_attempt_at = now() + ($6::bigint) * interval '1 millisecond',
                                            delivered_at = case when $3 = 'DELIVERED' then now() else delivered_at end
                                         where id = $1""")
                                .execute(Tuple.from(Arrays.asList(d.id(), attempt, next, status, error, wait)))))
                .invoke(() -> {
                    if ("PENDING".equals(next)) {
                        vertx.setTimer(Math.max(wait, 1), timer -> wake());
                    }
                    if ("DEAD".equals(next)) {
                        LOG.warnf("credit feed delivery %d is dead after %d attempts: %s", d.id(), attempt, error);
                    }
                })
                .replaceWithVoid();
    }
}
