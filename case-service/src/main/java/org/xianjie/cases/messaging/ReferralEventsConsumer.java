package org.xianjie.cases.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.cases.service.ReferralProgressService;
import org.xianjie.platform.failure.DeadLetterMetrics;
import org.xianjie.platform.inbox.IdempotentConsumer;

/** Learns from referral events which agencies became parties of a case and where its referral stands. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final IdempotentConsumer inbox;
    private final ReferralProgressService progress;
    private final DeadLetterMetrics deadLetters;

    public ReferralEventsConsumer(
            IdempotentConsumer inbox, ReferralProgressService progress, DeadLetterMetrics deadLetters) {
        this.inbox = inbox;
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    @Incoming("referral-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return deadLetters.counting(record, inbox.consume(record, progress::apply));
    }
}
