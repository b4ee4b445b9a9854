package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;
import org.xianjie.notification.domain.WebhookSignature;

/**
 * Signed outbound delivery with retry, shared by the webhooks and the credit feed. A claim takes
 * due deliveries ({@code for update skip locked}, so replicas share the work) that have no earlier
 * pending delivery in their order, and leases them; each is POSTed signed (Standard Webhooks
 * headers) with the Vert.x client, which never blocks the event loop, to the address {@link
 * WebhookAddressPolicy} checked just before (redirects are not followed). The log records only
 * "HTTP status" or one generic failure reason, so it cannot be used to map which ports are open
 * behind an address. A 2xx marks it delivered (with what the channel records of a delivery, in the
 * same transaction); anything else is retried with exponential backoff
 * and jitter until the policy gives up and parks it as DEAD (死信). Every attempt is logged.
 */
final class SignedDeliveryLoop {

    static final String UNREACHABLE = "no HTTP response from the endpoint";
    static final String REFUSED = "refused by the webhook address policy";

    private static final int BATCH = 20;

    /**
     * One claimed delivery: what to send, where, signed with which secret; {@code endpointId} names
     * the registered endpoint where the channel has several (null otherwise).
     */
    record Claimed(
            long id, String messageId, UUID endpointId, String payload, int attempts, String url, String secret) {}

    /** What differs between the channels: their tables, their claim, their headers, their metrics. */
    interface Channel {
        /** For the log: "webhook", "credit feed". */
        String name();

        /** The delivery table: {@code id, status, attempts, next_attempt_at, last_status, last_error, delivered_at}. */
        String deliveryTable();

        /** The attempt log: {@code delivery_id, attempt, attempted_at, status_code, error, duration_ms}. */
        String attemptTable();

        /**
         * Selects due PENDING deliveries in order, {@code limit $1 for update of d skip locked}, with
         * {@code id}, {@code payload}, {@code attempts} and what {@link #claimed} reads.
         */
        String claimQuery();

        Claimed claimed(Row row);

        String contentType();

        String userAgent();

        /** Whether anything is to be delivered at all. */
        default boolean enabled() {
            return true;
        }

        /** Further writes, in the transaction that marks {@code delivery} DELIVERED. */
        default Uni<Void> delivered(SqlClient tx, Claimed delivery) {
            return Uni.createFrom().voidItem();
        }

        /** After an attempt is recorded: {@code failure} null when delivered, else http, refused or unreachable. */
        default void attempted(String failure, boolean dead) {}
    }

    private final Channel channel;
    private final Logger log;
    private final Pool pool;
    private final io.vertx.core.Vertx vertx;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final HttpClient http;
    private final WebhookAddressPolicy addresses;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    SignedDeliveryLoop(
            Channel channel,
            Logger log,
            Pool pool,
            io.vertx.core.Vertx vertx,
            RetryPolicy policy,
            WebhookAddressPolicy addresses,
            Duration timeout) {
        this.channel = channel;
        this.log = log;
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
    }

    void stop() {
        stopped = true;
    }

    /** Delivers what is due now, again and again while there is more; one run at a time. */
    void wake() {
        if (stopped || !channel.enabled()) {
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
                                log.warnf(
                                        "%s worker failed, next poll retries: %s", channel.name(), failure.toString());
                            });
        }
    }

    private Uni<List<Claimed>> claim() {
        Duration lease = timeout.plusSeconds(30);
        return pool.withTransaction(conn -> conn.preparedQuery(channel.claimQuery())
                .execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(channel.claimed(r));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return conn.preparedQuery(
                                    "update " + channel.deliveryTable()
                                            + " set next_attempt_at = now() + ($2::bigint) * interval '1 millisecond' where id = any($1)")
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
                        log.debugf("%s delivery %d failed: %s", channel.name(), d.id(), failure.toString());
                        return record(d, null, UNREACHABLE, ms);
                    }
                    return record(d, status, status / 100 == 2 ? null : "HTTP " + status, ms);
                });
    }

    private Uni<Integer> post(Claimed d, WebhookAddressPolicy.Target target) {
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(d.url())
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", channel.contentType())
                .putHeader("user-agent", channel.userAgent())
                .putHeader("webhook-id", d.messageId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader(
                        "webhook-signature", WebhookSignature.sign(d.secret(), d.messageId(), timestamp, d.payload()));
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
        String truncated = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        long wait = delayMs;
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into %s (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                                values ($1, $2, now(), $3, $4, $5)""".formatted(channel.attemptTable()))
                        .execute(Tuple.from(Arrays.asList(d.id(), attempt, status, truncated, ms)))
                        .chain(() -> conn.preparedQuery("""
                                        update %s set attempts = $2, status = $3, last_status = $4, last_error = $5,
                                            next_attempt_at = now() + ($6::bigint) * interval '1 millisecond',
                                            delivered_at = case when $3 = 'DELIVERED' then now() else delivered_at end
                                         where id = $1""".formatted(channel.deliveryTable()))
                                .execute(Tuple.from(Arrays.asList(d.id(), attempt, next, status, truncated, wait))))
                        .call(() -> error == null
                                ? channel.delivered(conn, d)
                                : Uni.createFrom().voidItem()))
                .invoke(() -> {
                    channel.attempted(
                            error == null
                                    ? null
                                    : status != null ? "http" : REFUSED.equals(error) ? "refused" : "unreachable",
                            "DEAD".equals(next));
                    if ("PENDING".equals(next)) {
                        // Retry on time rather than at the next poll: short backoffs stay short.
                        vertx.setTimer(Math.max(wait, 1), timer -> wake());
                    }
                    if ("DEAD".equals(next)) {
                        log.warnf(
                                "%s delivery %d to %s is dead after %d attempts: %s",
                                channel.name(), d.id(), d.url(), attempt, error);
                    }
                })
                .replaceWithVoid();
    }
}
