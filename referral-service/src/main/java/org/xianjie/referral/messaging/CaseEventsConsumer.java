package org.xianjie.referral.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.platform.failure.DeadLetterMetrics;
import org.xianjie.platform.inbox.IdempotentConsumer;
import org.xianjie.referral.service.CaseEventHandler;

/** Learns cases from case-service's events and screens penalty decisions for supervision leads. */
@ApplicationScoped
public class CaseEventsConsumer {

    private final IdempotentConsumer inbox;
    private final CaseEventHandler handler;
    private final DeadLetterMetrics deadLetters;

    public CaseEventsConsumer(IdempotentConsumer inbox, CaseEventHandler handler, DeadLetterMetrics deadLetters) {
        this.inbox = inbox;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Incoming("case-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return deadLetters.counting(record, inbox.consume(record, handler::handle));
    }
}
