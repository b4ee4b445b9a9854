package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.xianjie.referral.Flow.token;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.localinfra.TestInfra;

/** Case events as case-service's outbox relay writes them, and what a procuratorate then reads. */
final class LeadEvents {

    private LeadEvents() {}

    /** A penalty decision of {@code category} with {@code amounts} (raw JSON object) decided on {@code decided}. */
    static void decided(UUID caseId, String agency, String region, String category, String amounts, String decided) {
        String data =
                """
                {"caseId":"%s","agencyCode":"%s","caseNumber":"处〔2026〕%s号","category":"%s",
                 "region":"%s","title":"侵权案","state":"PENALTY_DECIDED","amounts":%s,
                 "penalty":{"decisionNumber":"罚〔2026〕1号","decisionDate":"%s","fine":50000},
                 "partyIdentityHashes":[],"evidenceCount":1,"version":3}""".formatted(caseId, agency, caseId.toString().substring(0, 6), category, region, amounts, decided);
        publish(caseId, CaseEventTypes.PENALTY_DECIDED, data);
    }

    static void publish(UUID caseId, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/xianjie/case-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", ("cases/" + caseId).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // One partition: events are consumed in the order sent, so a later marker proves earlier ones handled.
            producer.send(new ProducerRecord<>("xianjie.case.events", 0, caseId.toString(), data, headers))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The leads {@code procuratorate} sees for {@code caseId}. */
    static List<Map<String, Object>> leadsOf(String procuratorate, UUID caseId) {
        List<Map<String, Object>> leads = given().auth()
                .oauth2(token(procuratorate))
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        return leads.stream()
                .filter(l -> caseId.toString().equals(l.get("caseId")))
                .toList();
    }

    /** Waits (Awaitility, 60 s: the machine is shared) until {@code procuratorate} sees a lead for the case. */
    static Map<String, Object> awaitLead(String procuratorate, UUID caseId) {
        return Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> leadsOf(procuratorate, caseId).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the penalty decision of the case is known (listed for {@code procuratorate}). */
    static void awaitDecision(String procuratorate, UUID caseId) {
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> given().auth()
                                .oauth2(token(procuratorate))
                                .get("/api/v1/penalty-decisions/" + caseId)
                                .statusCode()
                        == 200);
    }
}
