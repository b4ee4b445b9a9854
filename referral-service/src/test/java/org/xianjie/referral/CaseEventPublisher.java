package org.xianjie.referral;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.xianjie.localinfra.TestInfra;

/** Publishes a case event on the real broker as case-service does (binary-mode CloudEvent). */
final class CaseEventPublisher {

    private CaseEventPublisher() {}

    static void publish(UUID caseId, String type, OffsetDateTime time, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        for (String[] h : new String[][] {
            {"ce_specversion", "1.0"},
            {"ce_id", UUID.randomUUID().toString()},
            {"ce_source", "/xianjie/case-service"},
            {"ce_type", type},
            {"ce_subject", "cases/" + caseId},
            {"ce_time", time.toString()},
            {"content-type", "application/json"}
        }) {
            headers.add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers",
                TestInfra.get().kafkaBootstrapServers(),
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>("xianjie.case.events", null, caseId.toString(), data, headers))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}
