package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.xianjie.cases.CaseApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/** An outage of the database or the broker is a 503 to retry, never a 500, and the broker's does not take readiness. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class OutageAnswersTest {

    @Test
    void aWriteWhileTheDatabaseRefusesConnectionsAnswers503WithRetryAfterAndSucceedsOnceItIsBack() {
        String database = Infra.database();
        TestInfra.get().postgres().refuseConnections(database);
        try {
            as("TJ-AMR")
                    .body(CaseApi.openBody(CaseApi.number("津市监处")))
                    .post("/api/v1/cases")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("type", endsWith("/service-unavailable"));
        } finally {
            TestInfra.get().postgres().allowConnections(database);
        }
        String number = CaseApi.number("津市监处");
        AtomicReference<String> id = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> id.set(as("TJ-AMR")
                        .header("Idempotency-Key", "after-outage-" + number)
                        .body(CaseApi.openBody(number))
                        .post("/api/v1/cases")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id")));
        as("TJ-AMR").get("/api/v1/cases/" + id.get()).then().statusCode(200).body("caseNumber", equalTo(number));
    }

    @Test
    void readinessStaysUpWithoutTheBrokerWhileTheKafkaHealthGroupShowsItDown() {
        // Ready to begin with (the JDBC pool may still hold a connection ended by the database test).
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        TestInfra.get().kafka().stop();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/group/kafka")
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN")));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            // ... because writes are still accepted into the outbox.
            CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        } finally {
            TestInfra.get().kafka().start();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/group/kafka")
                        .then()
                        .statusCode(200)
                        .body("checks.name", hasItem("kafka-broker")));
    }
}
