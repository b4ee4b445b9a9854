package org.xianjie.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.notification.service.NotificationIngest;

/** Consumes case and referral events (keyed by case id, so each case's events arrive in order). */
@ApplicationScoped
public class EventConsumers {

    private final NotificationIngest ingest;

    public EventConsumers(NotificationIngest ingest) {
        this.ingest = ingest;
    }

    @Incoming("case-events")
    public Uni<Void> caseEvent(ConsumerRecord<String, String> record) {
        return ingest.consume(record);
    }

    @Incoming("referral-events")
    public Uni<Void> referralEvent(ConsumerRecord<String, String> record) {
        return ingest.consume(record);
    }
}
