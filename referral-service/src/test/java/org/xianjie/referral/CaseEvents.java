package org.xianjie.referral;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.xianjie.localinfra.TestInfra;

/** Test helper: publishes case events on the broker as case-service would. */
final class CaseEvents {

    private CaseEvents() {}

    /** Publishes {@code data} (a CaseSnapshot as JSON) as {@code org.xianjie.case.<act>.v1}, keyed by case. */
    static void publish(UUID caseId, String act, String data) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        for (String[] h : new String[][] {
            {"ce_specversion", "1.0"},
            {"ce_id", UUID.randomUUID().toString()},
            {"ce_source", "/xianjie/case-service"},
            {"ce_type", "org.xianjie.case." + act + ".v1"},
            {"ce_subject", "cases/" + caseId},
            {"content-type", "application/json"}
        }) {
            headers.add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>("xianjie.case.events", null, caseId.toString(), data, headers))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}
