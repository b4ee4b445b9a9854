package org.xianjie.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.TestInfra;

/**
 * Produces input events the way the suite does: a plain Kafka producer onto the real topics,
 * CloudEvent attributes in ce_* headers, keyed by case id.
 */
final class Fixtures {

    static final String REFERRAL_SOURCE = "/xianjie/referral-service";
    private static KafkaProducer<String, String> producer;

    private Fixtures() {}

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfra.get().kafkaBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            0),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    static void publish(String topic, String key, String source, String eventId, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            producer()
                    .send(new ProducerRecord<>(topic, null, key, data, headers))
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event", e);
        }
    }

    /** A referral in Tianjin: TJ-AMR refers to TJ-PSB, copy to TJ-PROC; court once prosecuted. */
    record Referral(UUID referralId, UUID caseId, String caseNumber) {
        static Referral create() {
            String n = UUID.randomUUID().toString().substring(0, 6);
            return new Referral(UUID.randomUUID(), UUID.randomUUID(), "津市监处〔2026〕" + n + "号");
        }

        /** Publishes a step event; returns its event id. */
        String step(String step, String state, String actorAgency, long version) {
            return step(step, state, actorAgency, version, null);
        }

        /** A step taken by {@code agency} of a referral between the given parties (agency, police, procuratorate). */
        String stepIn(String step, String state, String agency, String police, String procuratorate) {
            return stepWithParties(step, state, agency, agency, police, procuratorate);
        }

        String stepWithParties(
                String step, String state, String actor, String agency, String police, String procuratorate) {
            String id = UUID.randomUUID().toString();
            publish(
                    Topics.REFERRAL_EVENTS,
                    caseId.toString(),
                    REFERRAL_SOURCE,
                    id,
                    ReferralEventTypes.forStep(step),
                    snapshot(step, state, actor, 1, null, null)
                            .replace(
                                    "\"agency\": \"TJ-AMR\", \"police\": \"TJ-PSB\", \"procuratorate\": \"TJ-PROC\"",
                                    "\"agency\": \"" + agency + "\", \"police\": \"" + police
                                            + "\", \"procuratorate\": \"" + procuratorate + "\""));
            return id;
        }

        String step(String step, String state, String actorAgency, long version, String court) {
            String id = UUID.randomUUID().toString();
            publish(
                    Topics.REFERRAL_EVENTS,
                    caseId.toString(),
                    REFERRAL_SOURCE,
                    id,
                    ReferralEventTypes.forStep(step),
                    snapshot(step, state, actorAgency, version, court, null));
            return id;
        }

        /** A breach of {@code code} for which {@code responsible} is answerable. */
        String breach(String code, String responsible, long version) {
            String id = UUID.randomUUID().toString();
            String deadline = """
                    {"code": "%s", "description": "立案决定期限 filing decision", "responsibleAgency": "%s",
                     "dueAt": "%s", "overdue": true}""".formatted(code, responsible, Instant.now().minus(Duration.ofHours(1)));
            publish(
                    Topics.REFERRAL_EVENTS,
                    caseId.toString(),
                    REFERRAL_SOURCE,
                    id,
                    ReferralEventTypes.DEADLINE_BREACHED,
                    snapshot(null, "RECEIVED", null, version, null, deadline));
            return id;
        }

        String snapshot(String step, String state, String actorAgency, long version, String court, String deadline) {
            String due = Instant.now().minus(Duration.ofHours(2)).toString();
            return """
                    {"referralId": "%s", "caseId": "%s", "caseNumber": "%s", "caseTitle": "销售假冒注册商标的商品案",
                     "category": "TRADEMARK", "region": "120000", "state": "%s", %s
                     %s
                     "parties": {"agency": "TJ-AMR", "police": "TJ-PSB", "procuratorate": "TJ-PROC"%s},
                     "deadlines": [{"code": "FILING_DECISION", "description": "立案决定期限 filing decision",
                                    "responsibleAgency": "TJ-PSB", "dueAt": "%s", "overdue": true}],
                     %s
                     "occurredAt": "%s", "version": %d, "someFutureField": 1}""".formatted(
                            referralId,
                            caseId,
                            caseNumber,
                            state,
                            step == null ? "" : "\"step\": \"" + step + "\",",
                            actorAgency == null
                                    ? ""
                                    : "\"actor\": {\"agencyCode\": \"" + actorAgency + "\", \"user\": \"u@"
                                            + actorAgency + "\"},",
                            court == null ? "" : ", \"court\": \"" + court + "\"",
                            due,
                            deadline == null ? "" : "\"deadline\": " + deadline + ",",
                            OffsetDateTime.now(ZoneOffset.UTC),
                            version);
        }
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        // In the test's thread, as RestAssured expects; a slow probe is waited for, not abandoned.
        return Awaitility.await()
                .atMost(timeout)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(probe::get, done::test);
    }
}
