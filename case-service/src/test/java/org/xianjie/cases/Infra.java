package org.xianjie.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.xianjie.localinfra.TestInfra;

/** The real broker and database behind a test, seen from outside the service. */
final class Infra {

    static final String REFERRAL_EVENTS = "xianjie.referral.events";
    static final String DLQ = "xianjie.case-service.dlq";

    private Infra() {}

    /** This test run's database of case-service. */
    static String database() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** A referral step event as referral-service's relay writes it (CloudEvents Kafka binding). */
    static ProducerRecord<String, String> referralEvent(
            String topic, String eventId, String caseId, String step, String state) {
        String data = """
                {"referralId": "%s", "caseId": "%s", "caseNumber": "n", "caseTitle": "t", "category": "TRADEMARK",
                 "region": "120000", "state": "%s", "step": "%s",
                 "actor": {"agencyCode": "TJ-PSB", "agencyType": "POLICE", "user": "officer@TJ-PSB", "role": "officer"},
                 "parties": {"agency": "TJ-AMR", "police": "TJ-PSB", "procuratorate": "TJ-PROC"},
                 "occurredAt": "2026-04-12T10:00:00Z", "version": 3}""".formatted(UUID.randomUUID(), caseId, state, step);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_source", bytes("/xianjie/referral-service"));
        headers.add(
                "ce_type", bytes("org.xianjie.referral." + step.toLowerCase().replace('_', '-') + ".v1"));
        headers.add("ce_subject", bytes("referrals/" + caseId));
        headers.add("ce_time", bytes("2026-04-12T10:00:00Z"));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, caseId, data, headers);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void send(ProducerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
    }

    /** How many records {@code topic} has ever received (its end offsets summed); 0 if it has none yet. */
    static long endOffset(String topic) {
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
