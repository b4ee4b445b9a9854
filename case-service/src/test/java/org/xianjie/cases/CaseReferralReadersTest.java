package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.CaseApi.post;
import static org.xianjie.localinfra.TopicReader.header;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/** Referral events from referral-service make police, procuratorate and court readers and move the case. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseReferralReadersTest {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(2));
    }

    /** A referral step event as the platform relay writes it (CloudEvents Kafka binding, ce_* headers). */
    static void referralEvent(String eventId, String caseId, String step, String state, String court) throws Exception {
        String data = """
                {"referralId": "%s", "caseId": "%s", "caseNumber": "n", "caseTitle": "t", "category": "TRADEMARK",
                 "region": "120000", "state": "%s", "step": "%s",
                 "actor": {"agencyCode": "TJ-PSB", "agencyType": "POLICE", "user": "officer@TJ-PSB", "role": "officer"},
                 "parties": {"agency": "TJ-AMR", "police": "TJ-PSB", "procuratorate": "TJ-PROC"%s},
                 "occurredAt": "2026-04-12T10:00:00Z", "version": 3, "someFutureField": true}""".formatted(
                        UUID.randomUUID(), caseId, state, step, court == null ? "" : ", \"court\": \"" + court + "\"");
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_source", bytes("/xianjie/referral-service"));
        headers.add(
                "ce_type", bytes("org.xianjie.referral." + step.toLowerCase().replace('_', '-') + ".v1"));
        headers.add("ce_subject", bytes("referrals/" + caseId));
        headers.add("ce_time", bytes("2026-04-12T10:00:00Z"));
        headers.add("content-type", bytes("application/json"));
        producer.send(new ProducerRecord<>("xianjie.referral.events", null, caseId, data, headers))
                .get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendingMakesPoliceAndProcuratorateReadersAndReturnGivesTheCaseBack() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        as("TJ-PSB").get("/api/v1/cases/" + id).then().statusCode(404);

        String sent = "ref-" + UUID.randomUUID();
        referralEvent(sent, id, "SEND", "SENT", null);
        referralEvent(sent, id, "SEND", "SENT", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as("TJ-PSB")
                        .get("/api/v1/cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("REFERRED")));
        as("TJ-PSB")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("action", hasItem("referral:SEND"));
        as("TJ-COURT").get("/api/v1/cases/" + id).then().statusCode(404);
        post("TJ-PSB", id, "close", CaseApi.CLOSE).statusCode(403);
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY)
                .statusCode(409)
                .body("state", equalTo("REFERRED"))
                .body("allowedSteps", hasSize(1));

        referralEvent("ref-" + UUID.randomUUID(), id, "RETURN_NO_CRIME", "RETURNED_NO_CRIME", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> as("TJ-AMR").get("/api/v1/cases/" + id).then().body("state", equalTo("RETURNED")));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200).body("state", equalTo("PENALTY_DECIDED"));

        as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .body("findAll { it.action == 'referral:SEND' }", hasSize(1));
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            var records = topic.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
            assertThat(records)
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                            "org.xianjie.case.opened.v1", "org.xianjie.case.referral-status-changed.v1",
                            "org.xianjie.case.referral-status-changed.v1", "org.xianjie.case.penalty-decided.v1");
            assertThat(records.get(1).value()).contains("\"state\":\"REFERRED\"");
        }
    }

    @Test
    void courtBecomesAReaderOnceTheReferralNamesIt() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        referralEvent("ref-" + UUID.randomUUID(), id, "SEND", "SENT", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> as("TJ-PROC").get("/api/v1/cases/" + id).then().body("state", equalTo("REFERRED")));
        referralEvent("ref-" + UUID.randomUUID(), id, "PROSECUTED", "PROSECUTED", "TJ-COURT");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as("TJ-COURT")
                        .get("/api/v1/cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("REFERRED")));
        as("TJ-COURT").queryParam("limit", 100).get("/api/v1/cases").then().body("items.id", hasItem(id));
        as("HP-COURT").get("/api/v1/cases/" + id).then().statusCode(404);
    }

    @Test
    void aReferralNotYetSentMakesNoPoliceReaderEvenIfAnEventNamesThem() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        referralEvent("ref-" + UUID.randomUUID(), id, "REPORT", "REPORTED", null);
        referralEvent("ref-" + UUID.randomUUID(), id, "APPROVE", "APPROVED", null);
        // the owner's timeline shows both steps once they are processed; only then look at the police
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as("TJ-AMR")
                        .get("/api/v1/cases/" + id + "/timeline")
                        .then()
                        .body("action", hasItem("referral:APPROVE")));
        as("TJ-PSB").get("/api/v1/cases/" + id).then().statusCode(404);
        as("TJ-PSB").get("/api/v1/cases/" + id + "/timeline").then().statusCode(404);
        as("TJ-PSB")
                .queryParam("limit", 100)
                .get("/api/v1/cases")
                .then()
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as("TJ-PROC").get("/api/v1/cases/" + id).then().statusCode(200);
        referralEvent("ref-" + UUID.randomUUID(), id, "SEND", "SENT", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as("TJ-PSB")
                        .get("/api/v1/cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("REFERRED")));
    }
}
