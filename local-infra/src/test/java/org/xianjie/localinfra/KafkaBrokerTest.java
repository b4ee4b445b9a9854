package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void brokerRestartedOnItsDataKeepsEveryRecord(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.onFreePorts(dir).start()) {
            send(broker, "before-restart");
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            send(broker, "after-restart");
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "restart-check")) {
                assertEquals(
                        2, reader.await(r -> true, 2, Duration.ofSeconds(20)).size());
            }
        }
    }

    private static void send(KafkaBroker broker, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("restart-check", "k", value)).get(20, TimeUnit.SECONDS);
        }
    }
}
