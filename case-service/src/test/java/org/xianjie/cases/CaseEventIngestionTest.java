package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.cases.CaseApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseEventIngestionTest {

    private static final String SINGLE = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    /** An event whose act happened an hour ago (inside the backdating window, whenever the test runs). */
    static String event(String id, String agency, String type, String subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/agencies/%s", "type": "org.xianjie.case.%s.v1",
                 "subject": "%s", "time": "%s", "datacontenttype": "application/json",
                 "data": %s}""".formatted(
                        id,
                        agency,
                        type,
                        subject,
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                                .minusHours(1)
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        data);
    }

    static String openData(String number) {
        return """
                {"caseNumber": "%s", "category": "COPYRIGHT", "title": "销售盗版图书", "openedOn": "2026-03-09"}""".formatted(number);
    }

    private static Response postEvent(String agency, String contentType, String body) {
        return given().auth()
                .oauth2(TestInfra.get().token(agency))
                .contentType(contentType + "; charset=UTF-8")
                .body(body)
                .post("/api/v1/events");
    }

    @Test
    void postedEventsHaveTheEffectOfTheRestActionsAndAReplayChangesNothing() {
        String number = CaseApi.number("津文执");
        String openId = "ce-" + UUID.randomUUID();
        String id = postEvent("TJ-CULTURE", SINGLE, event(openId, "TJ-CULTURE", "opened", number, openData(number)))
                .then()
                .statusCode(201)
                .body("state", equalTo("OPEN"))
                .body("caseNumber", equalTo(number))
                .extract()
                .path("id");
        String penaltyId = "ce-" + UUID.randomUUID();
        String penalty = event(penaltyId, "TJ-CULTURE", "penalty-decided", number, CaseApi.PENALTY);
        String first = postEvent("TJ-CULTURE", SINGLE, penalty)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENALTY_DECIDED"))
                .extract()
                .asString();

        Response replay = postEvent("TJ-CULTURE", SINGLE, penalty);
        replay.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(replay.asString()).isEqualTo(first);
        postEvent("TJ-CULTURE", SINGLE, event(openId, "TJ-CULTURE", "opened", number, openData(number)))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));

        as("TJ-CULTURE")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .body("action", contains("opened", "decide-penalty"));
        // Witness: a later act of the same case. Its event follows any duplicate on the case's
        // partition, so once it has arrived a duplicate would have too.
        CaseApi.post("TJ-CULTURE", id, "close", CaseApi.CLOSE).statusCode(200);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> id.equals(r.key()) && CaseEventTypes.CLOSED.equals(TopicReader.header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(1);
            assertThat(topic.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(5)))
                    .extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(CaseEventTypes.OPENED, CaseEventTypes.PENALTY_DECIDED, CaseEventTypes.CLOSED);
        }
    }

    @Test
    void sameEventIdWithDifferentContentIsRefusedWith422() {
        String number = CaseApi.number("津文执");
        String eventId = "ce-" + UUID.randomUUID();
        postEvent("TJ-CULTURE", SINGLE, event(eventId, "TJ-CULTURE", "opened", number, openData(number)))
                .then()
                .statusCode(201);
        String other = CaseApi.number("津文执");
        postEvent("TJ-CULTURE", SINGLE, event(eventId, "TJ-CULTURE", "opened", other, openData(other)))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as("TJ-CULTURE").queryParam("q", other).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void batchIsAppliedInOrderWithOneResultPerEvent() {
        String number = CaseApi.number("津文执");
        String batch = "[" + event("b-" + UUID.randomUUID(), "TJ-CULTURE", "opened", number, openData(number)) + ","
                + event(
                        "b-" + UUID.randomUUID(),
                        "TJ-CULTURE",
                        "facts-recorded",
                        number,
                        "{\"amounts\": {\"copies\": 620, \"illegalGains\": 12000.00}}")
                + ","
                + event("b-" + UUID.randomUUID(), "TJ-CULTURE", "closed", number, CaseApi.CLOSE) + ","
                + event("b-" + UUID.randomUUID(), "TJ-CULTURE", "penalty-decided", number, CaseApi.PENALTY) + "]";
        postEvent("TJ-CULTURE", BATCH, batch)
                .then()
                .statusCode(200)
                .body("results.status", contains(201, 200, 200, 409))
                .body("results[1].body.amounts.copies", equalTo(620))
                .body("results[3].problem.state", equalTo("CLOSED"))
                .body("results[3].problem.allowedSteps", hasSize(0))
                .body("results[3].body", nullValue());
    }

    @Test
    void invalidEventInABatchIsNamedAndNothingOfTheBatchIsStored() {
        String number = CaseApi.number("津文执");
        String batch = "[" + event("b-" + UUID.randomUUID(), "TJ-CULTURE", "opened", number, openData(number)) + ","
                + event("b-" + UUID.randomUUID(), "TJ-AMR", "facts-recorded", number, "{\"amounts\": {\"copies\": -1}}")
                + "]";
        postEvent("TJ-CULTURE", BATCH, batch)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("[1].source"))
                .body("errors.field", hasItem("[1].data.amounts.copies"));
        as("TJ-CULTURE").queryParam("q", number).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void malformedOrUnknownEventsAreRefusedNamingTheAttribute() {
        String number = CaseApi.number("津文执");
        postEvent("TJ-CULTURE", SINGLE, "{\"specversion\": ")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        postEvent("TJ-CULTURE", SINGLE, "{\"specversion\": \"0.3\", \"source\": \"/agencies/TJ-CULTURE\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("specversion"))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("data"));
        postEvent("TJ-CULTURE", SINGLE, event("x-" + UUID.randomUUID(), "TJ-CULTURE", "teleported", number, "{}"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        postEvent(
                        "TJ-CULTURE",
                        SINGLE,
                        event(
                                "x-" + UUID.randomUUID(),
                                "TJ-CULTURE",
                                "opened",
                                number,
                                "{\"caseNumber\": \"" + number
                                        + "\", \"category\": \"COPYRIGHT\", \"title\": \"t\", \"openedOn\": \"2099-01-01\"}"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("data.openedOn"));
        postEvent("TJ-CULTURE", BATCH, "[]").then().statusCode(400).body("errors.field", hasItem("body"));
        postEvent("TJ-CULTURE", "application/json", event("x-1", "TJ-CULTURE", "opened", number, openData(number)))
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        as("TJ-CULTURE").queryParam("q", number).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void eventForAnotherAgencysCaseNumberFindsNothing() {
        String number = CaseApi.number("津市监处");
        CaseApi.open("TJ-AMR", number);
        postEvent("TJ-CULTURE", SINGLE, event("x-" + UUID.randomUUID(), "TJ-CULTURE", "closed", number, CaseApi.CLOSE))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
