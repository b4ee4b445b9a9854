package org.xianjie.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.platform.kafka.KafkaClientSecurity;

/**
 * The relay's producer: idempotent with acks from all in-sync replicas, so that retries neither
 * duplicate nor reorder records within a partition; every wait bounded so that an absent broker
 * turns into a retry rather than a hang.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    private final String bootstrapServers;
    private final String clientId;
    private final KafkaClientSecurity security;

    public KafkaProducerFactory(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.clientId = applicationName + "-outbox-relay";
    }

    public KafkaProducer<String, byte[]> create() {
        Map<String, Object> config = new HashMap<>(security.settings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // Records are never expired while the broker is away: an expired record followed by a delivered
        // later one of the same case would reorder the case's events when the relay re-sends the first.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
