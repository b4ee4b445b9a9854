package org.xianjie.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;

/**
 * Pushes queued credit feed events to the credit-sharing platform: CloudEvents in structured mode
 * ({@code application/cloudevents+json}), signed like webhooks (Standard Webhooks headers, HMAC
 * with {@code xianjie.credit-feed.secret}), to an address the webhook address policy allows. Per
 * case in order (a correction never overtakes its publication); replicas share the work
 * ({@code skip locked}). A 2xx marks it delivered; anything else is retried with the webhooks'
 * backoff until it is DEAD. Every attempt is kept in {@code credit_feed_attempt}. The delivery
 * itself is {@link SignedDeliveryLoop}'s, as for webhooks.
 */
@ApplicationScoped
public class CreditFeedWorker {

    private static final Logger LOG = Logger.getLogger(CreditFeedWorker.class);

    private final SignedDeliveryLoop loop;

    public CreditFeedWorker(
            Pool pool,
            io.vertx.core.Vertx vertx,
            RetryPolicy policy,
            WebhookAddressPolicy addresses,
            CreditFeedSettings settings,
            @ConfigProperty(name = "xianjie.webhooks.timeout") Duration timeout) {
        this.loop = new SignedDeliveryLoop(new Feed(settings), LOG, pool, vertx, policy, addresses, timeout);
    }

    @Scheduled(every = "${xianjie.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    public void wake() {
        loop.wake();
    }

    /** Ordered per case; the address and secret are the feed's configuration. */
    private record Feed(CreditFeedSettings settings) implements SignedDeliveryLoop.Channel {
        @Override
        public String name() {
            return "credit feed";
        }

        @Override
        public String deliveryTable() {
            return "credit_feed_delivery";
        }

        @Override
        public String attemptTable() {
            return "credit_feed_attempt";
        }

        @Override
        public String claimQuery() {
            return """
                    select d.id, d.event_id, d.payload, d.attempts
                      from credit_feed_delivery d
                     where d.status = 'PENDING' and d.next_attempt_at <= now()
                       and not exists (select 1 from credit_feed_delivery p
                                        where p.case_id = d.case_id and p.status = 'PENDING' and p.id < d.id)
                     order by d.id limit $1
                     for update of d skip locked""";
        }

        @Override
        public SignedDeliveryLoop.Claimed claimed(Row r) {
            return new SignedDeliveryLoop.Claimed(
                    r.getLong("id"),
                    r.getUUID("event_id").toString(),
                    null,
                    r.getString("payload"),
                    r.getInteger("attempts"),
                    settings.url(),
                    settings.secret());
        }

        @Override
        public String contentType() {
            return "application/cloudevents+json; charset=utf-8";
        }

        @Override
        public String userAgent() {
            return "Xianjie-CreditFeed/1.0";
        }

        @Override
        public boolean enabled() {
            return settings.enabled();
        }
    }
}
