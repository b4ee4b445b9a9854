package org.xianjie.cases.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.platform.inbox.IdempotentConsumer;

/** Learns from referral events which agencies became parties of a case. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final IdempotentConsumer inbox;

    public ReferralEventsConsumer(IdempotentConsumer inbox) {
        this.inbox = inbox;
    }

    @Incoming("referral-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.consume(record, event -> Uni.createFrom().voidItem());
    }
}
