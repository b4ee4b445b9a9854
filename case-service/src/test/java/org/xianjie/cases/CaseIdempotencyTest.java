package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
class CaseIdempotencyTest {

    @Test
    void repeatedOpeningWithTheSameKeyReturnsTheFirstResponseAndOpensOneCase() {
        String key = UUID.randomUUID().toString();
        String number = CaseApi.number("津知处");
        Response first = as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(number))
                .post("/api/v1/cases");
        first.then().statusCode(201);
        Response again = as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(number))
                .post("/api/v1/cases");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        as("TJ-IPO").queryParam("q", number).get("/api/v1/cases").then().body("items", hasSize(1));
    }

    @Test
    void repeatedPenaltyWithTheSameKeyChangesNothingAndPublishesOnce() {
        String id = CaseApi.open("TJ-IPO", CaseApi.number("津知处"));
        String key = "penalty-" + id;
        for (int i = 0; i < 3; i++) {
            as("TJ-IPO")
                    .header("Idempotency-Key", key)
                    .body(CaseApi.PENALTY)
                    .post("/api/v1/cases/" + id + "/penalty")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1));
        }
        as("TJ-IPO").get("/api/v1/cases/" + id).then().body("version", equalTo(1));
        // Witness: a later act of the same case. Its event follows any duplicate on the case's
        // partition, so once it has arrived a duplicate would have too.
        CaseApi.post("TJ-IPO", id, "close", CaseApi.CLOSE).statusCode(200);
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
    void sameKeyWithADifferentRequestIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(CaseApi.number("津知处")))
                .post("/api/v1/cases")
                .then()
                .statusCode(201);
        String other = CaseApi.number("津知处");
        as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(other))
                .post("/api/v1/cases")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as("TJ-IPO").queryParam("q", other).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void keysAreScopedPerAgency() {
        String key = UUID.randomUUID().toString();
        as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(CaseApi.number("津知处")))
                .post("/api/v1/cases")
                .then()
                .statusCode(201);
        as("TJ-AGRI")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(CaseApi.number("津农处")))
                .post("/api/v1/cases")
                .then()
                .statusCode(201);
    }

    @Test
    void refusedRequestIsNotRememberedSoTheFixedOneSucceeds() {
        String key = UUID.randomUUID().toString();
        String number = CaseApi.number("津知处");
        as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(number).replace("2026-03-02", "2099-03-02"))
                .post("/api/v1/cases")
                .then()
                .statusCode(400);
        as("TJ-IPO")
                .header("Idempotency-Key", key)
                .body(CaseApi.openBody(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(201);
    }

    @Test
    void malformedKeyIsNamed() {
        as("TJ-IPO")
                .header("Idempotency-Key", "x".repeat(300))
                .body(CaseApi.openBody(CaseApi.number("津知处")))
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
