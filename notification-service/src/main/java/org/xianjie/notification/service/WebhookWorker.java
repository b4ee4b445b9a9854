package org.xianjie.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.domain.RetryPolicy;

/**
 * Delivers queued webhooks, through {@link SignedDeliveryLoop}: due deliveries whose endpoint has no
 * earlier pending delivery for the same case are claimed, POSTed signed to the endpoint's checked
 * address, and retried with backoff until delivered or DEAD (死信), kept for inspection and
 * redelivery; a delivered one leaves a signed evidence of delivery. A new notification wakes it; the poll catches the rest.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

    private final SignedDeliveryLoop loop;

    public WebhookWorker(
            Pool pool,
            io.vertx.core.Vertx vertx,
            RetryPolicy policy,
            NotificationSignals signals,
            WebhookAddressPolicy addresses,
            WebhookMetrics metrics,
            NotificationEvidences evidences,
            @ConfigProperty(name = "xianjie.webhooks.timeout") Duration timeout) {
        this.loop =
                new SignedDeliveryLoop(new Webhooks(metrics, evidences), LOG, pool, vertx, policy, addresses, timeout);
        signals.onNotification(agency -> wake());
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

    /** Ordered per endpoint and ordering key; each endpoint has its own address and secret. */
    private record Webhooks(WebhookMetrics metrics, NotificationEvidences evidences)
            implements SignedDeliveryLoop.Channel {
        @Override
        public String name() {
            return "webhook";
        }

        @Override
        public String deliveryTable() {
            return "webhook_delivery";
        }

        @Override
        public String attemptTable() {
            return "webhook_attempt";
        }

        @Override
        public String claimQuery() {
            return """
                    select d.id, d.endpoint_id, d.notification_id, d.payload, d.attempts, e.url, e.secret
                      from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                     where d.status = 'PENDING' and d.next_attempt_at <= now()
                       and not exists (select 1 from webhook_delivery p
                                        where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
                                          and p.status = 'PENDING' and p.id < d.id)
                     order by d.id limit $1
                     for update of d skip locked""";
        }

        @Override
        public SignedDeliveryLoop.Claimed claimed(Row r) {
            return new SignedDeliveryLoop.Claimed(
                    r.getLong("id"),
                    r.getUUID("notification_id").toString(),
                    r.getUUID("endpoint_id"),
                    r.getString("payload"),
                    r.getInteger("attempts"),
                    r.getString("url"),
                    r.getString("secret"));
        }

        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public String userAgent() {
            return "Xianjie-Webhooks/1.0";
        }

        /** The addressee's own system took it: a signed evidence of delivery (送达凭证), once per endpoint. */
        @Override
        public Uni<Void> delivered(SqlClient tx, SignedDeliveryLoop.Claimed delivery) {
            return evidences.delivered(
                    tx,
                    UUID.fromString(delivery.messageId()),
                    delivery.endpointId(),
                    OffsetDateTime.now(ZoneOffset.UTC));
        }

        @Override
        public void attempted(String failure, boolean dead) {
            metrics.attempted(failure, dead);
        }
    }
}
