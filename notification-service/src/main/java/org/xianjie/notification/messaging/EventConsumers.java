package org.xianjie.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.notification.service.NotificationIngest;
import org.xianjie.platform.failure.DeadLetterMetrics;

/** Consumes case and referral events (keyed by case id, so each case's events arrive in order). */
@ApplicationScoped
public class EventConsumers {

    private final NotificationIngest ingest;
    private final DeadLetterMetrics deadLetters;

    public EventConsumers(NotificationIngest ingest, DeadLetterMetrics deadLetters) {
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    @Incoming("case-events")
    public Uni<Void> caseEvent(ConsumerRecord<String, String> record) {
        return deadLetters.counting(record, ingest.consume(record));
    }

    @Incoming("referral-events")
    public Uni<Void> referralEvent(ConsumerRecord<String, String> record) {
        return deadLetters.counting(record, ingest.consume(record));
    }
}
