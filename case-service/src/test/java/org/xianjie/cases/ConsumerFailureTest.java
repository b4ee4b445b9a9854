package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.Infra.DLQ;
import static org.xianjie.cases.Infra.REFERRAL_EVENTS;
import static org.xianjie.cases.Infra.bytes;
import static org.xianjie.localinfra.TopicReader.header;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.PrometheusText;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * A consumer tells an outage from a poison record: the first is retried until it passes and
 * nothing is dead-lettered; the second goes to the dead-letter topic with its reason, where an
 * operator lists it and replays it after a fix, without duplicates.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class ConsumerFailureTest {

    private static RequestSpecification operator() {
        return given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "platform-operator"))
                .contentType(ContentType.JSON);
    }

    @Test
    void aDatabaseOutageDuringConsumptionIsRetriedUntilTheEventIsProcessedAndNothingIsDeadLettered() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        long deadLettersBefore = Infra.endOffset(DLQ);
        String database = Infra.database();
        TestInfra.get().postgres().refuseConnections(database);
        try {
            Infra.send(Infra.referralEvent(REFERRAL_EVENTS, "ref-" + UUID.randomUUID(), id, "SEND", "SENT"));
            // The outage outlasts what the former policy (three retries within about 3 s) tolerated
            // before it dead-lettered a valid event.
            Thread.sleep(8_000);
        } finally {
            TestInfra.get().postgres().allowConnections(database);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> as("TJ-PSB")
                        .get("/api/v1/cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("REFERRED")));
        assertThat(Infra.endOffset(DLQ)).isEqualTo(deadLettersBefore);
    }

    @Test
    void aRecordThatIsNoCloudEventIsDeadLetteredWithItsReasonAndOnlyOperatorsSeeIt() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        double countedBefore = deadLettersCounted();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes("application/json"));
        Infra.send(new ProducerRecord<>(REFERRAL_EVENTS, null, key, "{\"not\": \"a cloudevent\"}", headers));

        try (TopicReader dlq = new TopicReader(TestInfra.get().kafkaBootstrapServers(), DLQ)) {
            List<ConsumerRecord<String, String>> found = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(40));
            assertThat(found).hasSize(1);
            assertThat(header(found.get(0), "dead-letter-reason")).contains("not a CloudEvent");
            assertThat(header(found.get(0), "dead-letter-topic")).isEqualTo(REFERRAL_EVENTS);
            assertThat(found.get(0).value()).isEqualTo("{\"not\": \"a cloudevent\"}");
        }
        // The operators' counter (alert XianjieRecordsDeadLettered) moved with it.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLettersCounted()).isGreaterThan(countedBefore));
        operator()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .body("topic", equalTo(DLQ))
                .body(
                        "deadLetters.findAll { it.key == '" + key + "' }.reason",
                        hasItem(org.hamcrest.Matchers.containsString("not a CloudEvent")));
        as("TJ-AMR")
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        operator()
                .queryParam("limit", 0)
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    private static double deadLettersCounted() {
        return PrometheusText.value(
                given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "xianjie_dead_letters_total",
                Map.of("topic", REFERRAL_EVENTS, "dead_letter_topic", DLQ));
    }

    @Test
    void anOperatorReplaysADeadLetterOnceAndAReplayedCopyChangesNothing() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        String eventId = "ref-" + UUID.randomUUID();
        // A valid event that an earlier fault (since fixed) dead-lettered, as the dead-letter strategy writes it.
        ProducerRecord<String, String> parked = Infra.referralEvent(DLQ, eventId, id, "SEND", "SENT");
        parked.headers().add("dead-letter-topic", bytes(REFERRAL_EVENTS));
        parked.headers().add("dead-letter-reason", bytes("handler bug, fixed in the next release"));
        Infra.send(parked);

        operator()
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .body("deadLetters.eventId", hasItem(eventId));
        operator()
                .post("/api/v1/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("deadLetters.eventId", hasItem(eventId));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("TJ-PSB")
                        .get("/api/v1/cases/" + id)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("REFERRED")));

        // Replayed records are marked: a second replay does not send it again, the full listing shows it replayed.
        operator()
                .post("/api/v1/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("deadLetters.eventId", not(hasItem(eventId)));
        operator()
                .queryParam("all", true)
                .get("/api/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .body("deadLetters.findAll { it.eventId == '" + eventId + "' }.replayed", equalTo(List.of(true)));

        // A copy re-sent anyway (a replay interrupted before it marked its records) is absorbed by dedupe:
        // the witness is a later event of the same case, which the consumer takes after it, in order.
        Infra.send(parked);
        operator()
                .post("/api/v1/admin/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("deadLetters.eventId", hasItem(eventId));
        Infra.send(Infra.referralEvent(
                REFERRAL_EVENTS, "ref-" + UUID.randomUUID(), id, "RETURN_NO_CRIME", "RETURNED_NO_CRIME"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> as("TJ-AMR").get("/api/v1/cases/" + id).then().body("state", equalTo("RETURNED")));
        as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .body("findAll { it.action == 'referral:SEND' }", hasSize(1));
    }
}
