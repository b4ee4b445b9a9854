package org.xianjie.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.xianjie.events.CloudEvent;
import org.xianjie.platform.failure.ConsumerRetry;

/**
 * Processes each CloudEvent at most once: the event's {@code source} + {@code id} is stored in the
 * same transaction as the effects, so a redelivered record finds it and changes nothing. An
 * infrastructure failure is retried until it passes ({@link ConsumerRetry}); any other failure goes
 * back to the messaging layer, whose dead-letter strategy parks the record with its reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ObjectMapper mapper;
    private final ConsumerRetry retry;

    public IdempotentConsumer(ObjectMapper mapper, ConsumerRetry retry) {
        this.mapper = mapper;
        this.retry = retry;
    }

    /** Parses {@code record} as a CloudEvent and runs {@code effects} once per event, in one transaction. */
    public Uni<Void> consume(ConsumerRecord<String, String> record, Function<CloudEvent, Uni<Void>> effects) {
        // Records are keyed by case id: every log line of this record's processing carries it.
        CaseLogContext.set(record.key());
        CloudEvent event;
        try {
            event = KafkaCloudEvents.fromRecord(record, mapper);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        return processOnce(event, effects);
    }

    public Uni<Void> processOnce(CloudEvent event, Function<CloudEvent, Uni<Void>> effects) {
        return retry.untilProcessed(
                "event " + event.id() + " from " + event.source(),
                () -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        insert into processed_event (source, event_id, type) values (:source, :id, :type)
                                        on conflict do nothing""")
                                .setParameter("source", event.source())
                                .setParameter("id", event.id())
                                .setParameter("type", event.type())
                                .executeUpdate())
                        .chain(inserted -> {
                            if (inserted == 0) {
                                LOG.debugf("event %s from %s already processed; skipped", event.id(), event.source());
                                return Uni.createFrom().voidItem();
                            }
                            return effects.apply(event);
                        })));
    }
}
