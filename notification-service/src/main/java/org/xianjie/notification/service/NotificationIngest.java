package org.xianjie.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.xianjie.events.CloudEvent;
import org.xianjie.notification.domain.NotificationIds;
import org.xianjie.notification.domain.Recipient;
import org.xianjie.notification.domain.Router;
import org.xianjie.notification.persistence.NewNotification;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.ReferralViewStore;
import org.xianjie.platform.failure.ConsumerRetry;
import org.xianjie.platform.inbox.KafkaCloudEvents;

/**
 * Turns each incoming event into notifications, exactly once: the event's source + id goes into
 * the platform's {@code processed_event} table in the same transaction as the notifications,
 * the referral view, the webhook deliveries and the credit feed's events. This uses the reactive SQL client (not the
 * Hibernate session of the platform's IdempotentConsumer) because the writer needs
 * {@code returning} clauses and per-agency row locks shared with the escalation job.
 */
@ApplicationScoped
public class NotificationIngest {

    private static final Logger LOG = Logger.getLogger(NotificationIngest.class);

    private final Pool pool;
    private final ObjectMapper mapper;
    private final EventInterpreter interpreter;
    private final Router router;
    private final NotificationStore notifications;
    private final ReferralViewStore referrals;
    private final ConsumerRetry retry;
    private final CreditFeed creditFeed;
    private final CreditFeedWorker creditFeedWorker;

    public NotificationIngest(
            Pool pool,
            ObjectMapper mapper,
            EventInterpreter interpreter,
            Router router,
            NotificationStore notifications,
            ReferralViewStore referrals,
            ConsumerRetry retry,
            CreditFeed creditFeed,
            CreditFeedWorker creditFeedWorker) {
        this.creditFeed = creditFeed;
        this.creditFeedWorker = creditFeedWorker;
        this.pool = pool;
        this.mapper = mapper;
        this.interpreter = interpreter;
        this.router = router;
        this.notifications = notifications;
        this.referrals = referrals;
        this.retry = retry;
    }

    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return retry.untilProcessed("event on " + record.topic() + " offset " + record.offset(), () -> {
                    CloudEvent event = KafkaCloudEvents.fromRecord(record, mapper);
                    Interpretation in = interpreter.interpret(event);
                    List<Recipient> recipients = router.route(in.routed());
                    return pool.withTransaction(conn -> once(conn, event)
                                    .chain(first -> first
                                            ? effects(conn, event, in, recipients)
                                            : Uni.createFrom().voidItem()))
                            .invoke(creditFeedWorker::wake);
                })
                .onFailure()
                .invoke(f -> LOG.warnf(
                        "event on %s offset %d not processed: %s", record.topic(), record.offset(), f.toString()));
    }

    private Uni<Boolean> once(SqlConnection conn, CloudEvent event) {
        return conn.preparedQuery("""
                        insert into processed_event (source, event_id, type) values ($1, $2, $3) on conflict do nothing""")
                .execute(Tuple.of(event.source(), event.id(), event.type()))
                .map(rows -> {
                    boolean first = rows.rowCount() > 0;
                    if (!first) {
                        LOG.debugf("event %s from %s already processed; skipped", event.id(), event.source());
                    }
                    return first;
                });
    }

    private Uni<Void> effects(SqlConnection conn, CloudEvent event, Interpretation in, List<Recipient> recipients) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Void> view = in.referral() == null
                ? Uni.createFrom().voidItem()
                : referrals.apply(conn, event.type(), in.step(), in.referral(), event.time());
        return view.chain(() -> Sequential.map(
                        recipients,
                        r -> notifications.insert(
                                conn,
                                new NewNotification(
                                        NotificationIds.of(in.eventSource(), in.eventId(), r.agency(), r.role()),
                                        r.agency(),
                                        r.role(),
                                        r.urgency().name(),
                                        event.type(),
                                        in.eventSource(),
                                        in.eventId(),
                                        in.step(),
                                        in.referralId(),
                                        in.caseId(),
                                        in.caseNumber(),
                                        r.titleZh(),
                                        r.titleEn(),
                                        in.detail(),
                                        null,
                                        now))))
                .chain(() -> creditFeed.record(conn, event));
    }
}
