package org.xianjie.platform.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.events.Topics;

/**
 * Counts the records a service dead-letters: {@code xianjie.dead.letters{topic, dead_letter_topic}}
 * ({@code xianjie_dead_letters_total} in Prometheus), the alert operators watch. Every consumer's
 * channel has the dead-letter-queue failure strategy, and infrastructure failures never fail a
 * record ({@link ConsumerRetry} retries them), so a record whose processing fails is exactly one
 * that is parked on the service's dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    static final String NAME = "xianjie.dead.letters";

    private final MeterRegistry registry;
    private final String deadLetterTopic;

    public DeadLetterMetrics(
            MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.registry = registry;
        this.deadLetterTopic = Topics.deadLetter(service);
    }

    /** {@code processing} of {@code record}, counted as a dead letter if it fails. */
    public <T> Uni<T> counting(ConsumerRecord<?, ?> record, Uni<T> processing) {
        return processing.onFailure().invoke(failure -> deadLettered(record.topic()));
    }

    /** One record of {@code topic} went to the dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder(NAME)
                .description("Records of a topic this service could not process and parked on its dead-letter topic")
                .tag("topic", topic)
                .tag("dead_letter_topic", deadLetterTopic)
                .register(registry)
                .increment();
    }
}
