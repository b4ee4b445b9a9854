package org.xianjie.cases.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.xianjie.cases.service.ReferralProgressService;
import org.xianjie.platform.inbox.IdempotentConsumer;

/** Learns from referral events which agencies became parties of a case and where its referral stands. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final IdempotentConsumer inbox;
    private final ReferralProgressService progress;

    public ReferralEventsConsumer(IdempotentConsumer inbox, ReferralProgressService progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @Incoming("referral-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.consume(record, progress::apply);
    }
}
