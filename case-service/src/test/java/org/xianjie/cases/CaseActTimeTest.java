package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.cases.CaseApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Case writes and posted CloudEvents state when the act happened ({@code occurredAt}, or the event's
 * {@code time}): the timeline and the case events carry it with the time it was recorded, and the
 * record stays in the order the acts happened.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseActTimeTest {

    private static final String SINGLE = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OffsetDateTime ago(Duration d) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minus(d).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String event(String agency, String type, String subject, OffsetDateTime time, String data) {
        return """
                {"specversion": "1.0", "id": "t-%s", "source": "/agencies/%s", "type": "org.xianjie.case.%s.v1",
                 "subject": "%s", "time": "%s", "data": %s}""".formatted(UUID.randomUUID(), agency, type, subject, time, data);
    }

    private static String openData(String number) {
        return """
                {"caseNumber": "%s", "category": "COPYRIGHT", "title": "销售盗版图书", "openedOn": "2026-03-09"}""".formatted(number);
    }

    private static Response post(String agency, String contentType, String body) {
        return given().auth()
                .oauth2(TestInfra.get().token(agency))
                .contentType(contentType + "; charset=UTF-8")
                .body(body)
                .post("/api/v1/events");
    }

    private static OffsetDateTime time(Response r, String path) {
        return OffsetDateTime.parse(r.path(path));
    }

    @Test
    void postedEventsCountFromTheirTimeAndTheTimelineAndEventsShowBothTimes() throws Exception {
        String number = CaseApi.number("津文执");
        OffsetDateTime opened = ago(Duration.ofDays(3));
        OffsetDateTime decided = ago(Duration.ofDays(2));
        String id = post("TJ-CULTURE", SINGLE, event("TJ-CULTURE", "opened", number, opened, openData(number)))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post("TJ-CULTURE", SINGLE, event("TJ-CULTURE", "penalty-decided", number, decided, CaseApi.PENALTY))
                .then()
                .statusCode(200);

        Response timeline = as("TJ-CULTURE").get("/api/v1/cases/" + id + "/timeline");
        timeline.then().statusCode(200).body("action", contains("opened", "decide-penalty"));
        assertThat(time(timeline, "[0].occurredAt")).isEqualTo(opened.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(time(timeline, "[1].occurredAt")).isEqualTo(decided.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(time(timeline, "[1].recordedAt"))
                .isAfter(OffsetDateTime.now().minusMinutes(5));
        timeline.then().body("[1].entryDelay", containsString("PT4"));

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> events =
                    topic.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(events).hasSize(2);
            JsonNode penalty = JSON.readTree(events.get(1).value());
            assertThat(OffsetDateTime.parse(penalty.get("occurredAt").asText()).toInstant())
                    .isEqualTo(decided.toInstant());
            assertThat(OffsetDateTime.parse(penalty.get("recordedAt").asText()).toInstant())
                    .isAfter(decided.toInstant().plus(Duration.ofDays(1)));
        }
    }

    @Test
    void aBatchWithACasesActsOutOfOrderIsRefusedNamingTheTimeAndStoresNothing() {
        String number = CaseApi.number("津文执");
        String batch = "[" + event("TJ-CULTURE", "opened", number, ago(Duration.ofDays(2)), openData(number)) + ","
                + event(
                        "TJ-CULTURE",
                        "facts-recorded",
                        number,
                        ago(Duration.ofDays(3)),
                        "{\"amounts\": {\"copies\": 620}}")
                + "]";
        post("TJ-CULTURE", BATCH, batch)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("[1].time"))
                .body("errors[0].message", containsString("order"));
        as("TJ-CULTURE").queryParam("q", number).get("/api/v1/cases").then().body("items", hasSize(0));

        // In order, the same acts are accepted and kept in the order they happened.
        String ordered = "[" + event("TJ-CULTURE", "opened", number, ago(Duration.ofDays(3)), openData(number)) + ","
                + event(
                        "TJ-CULTURE",
                        "facts-recorded",
                        number,
                        ago(Duration.ofDays(2)),
                        "{\"amounts\": {\"copies\": 620}}")
                + "]";
        post("TJ-CULTURE", BATCH, ordered).then().statusCode(200).body("results.status", contains(201, 200));
        // A later post may not slip an act in before the case's latest act: 409 naming the time and the limit.
        post("TJ-CULTURE", SINGLE, event("TJ-CULTURE", "closed", number, ago(Duration.ofDays(4)), CaseApi.CLOSE))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("time"))
                .body("limit", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void restWritesStateOccurredAtAndTheRecordStaysHonest() {
        String number = CaseApi.number("津市监处");
        OffsetDateTime opened = ago(Duration.ofDays(5));
        String body = CaseApi.openBody(number).replaceFirst("\\{", "{\"occurredAt\": \"" + opened + "\", ");
        String id = as("TJ-AMR")
                .body(body)
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Before the opening: refused, against the record.
        CaseApi.post(
                        "TJ-AMR",
                        id,
                        "facts",
                        CaseApi.FACTS.replaceFirst("\\{", "{\"occurredAt\": \"" + opened.minusHours(1) + "\", "))
                .statusCode(409)
                .body("errors[0].field", equalTo("occurredAt"));
        // In the future: refused.
        CaseApi.post(
                        "TJ-AMR",
                        id,
                        "facts",
                        CaseApi.FACTS.replaceFirst(
                                "\\{",
                                "{\"occurredAt\": \"" + OffsetDateTime.now().plusMinutes(10) + "\", "))
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", containsString("future"));
        // Without an offset: refused.
        CaseApi.post(
                        "TJ-AMR",
                        id,
                        "facts",
                        CaseApi.FACTS.replaceFirst("\\{", "{\"occurredAt\": \"2026-03-02T10:00:00\", "))
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        as("TJ-AMR").get("/api/v1/cases/" + id + "/timeline").then().body("action", contains("opened"));

        // A case opened long ago is entered only by someone who may correct history.
        String old = CaseApi.number("津市监处");
        String oldBody =
                CaseApi.openBody(old).replaceFirst("\\{", "{\"occurredAt\": \"" + ago(Duration.ofDays(60)) + "\", ");
        as("TJ-AMR")
                .body(oldBody)
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", containsString("history-corrector"));
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "officer", "history-corrector"))
                .contentType(ContentType.JSON)
                .body(oldBody)
                .post("/api/v1/cases")
                .then()
                .statusCode(201);
    }
}
