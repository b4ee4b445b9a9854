package org.xianjie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xianjie.notification.InboxTest.inboxFor;
import static org.xianjie.notification.InboxTest.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The fault the issue reported: notification-service's database refusing connections for a while
 * sent valid events to the dead-letter topic for good. Now they wait for the database and arrive.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class ConsumerOutageTest {

    private static final String DLQ = "xianjie.notification-service.dlq";

    @Test
    void eventsConsumedWhileTheDatabaseRefusesConnectionsReachTheInboxesOnceItIsBackAndNoneIsDeadLettered()
            throws Exception {
        long deadLettersBefore = endOffset(DLQ);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1);
        Fixtures.Referral r = Fixtures.Referral.create();
        TestInfra.get().postgres().refuseConnections(database);
        try {
            r.step("SEND", "SENT", "TJ-AMR", 3);
            // Longer than the former policy (three retries within about 3 s) tolerated before dead-lettering.
            Thread.sleep(8_000);
        } finally {
            TestInfra.get().postgres().allowConnections(database);
        }
        assertThat(Fixtures.await(
                        () -> inboxFor(token("TJ-PSB"), r.referralId()),
                        list -> list.size() == 1,
                        Duration.ofSeconds(60)))
                .hasSize(1);
        assertThat(inboxFor(token("TJ-PROC"), r.referralId())).hasSize(1);
        assertThat(endOffset(DLQ)).isEqualTo(deadLettersBefore);
    }

    private static long endOffset(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
