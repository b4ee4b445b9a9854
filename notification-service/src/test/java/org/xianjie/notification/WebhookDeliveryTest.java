package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.notification.Fixtures.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.PrometheusText;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class WebhookDeliveryTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private static String admin(String agency) {
        return TestInfra.get().token(agency, "admin");
    }

    private static JsonPath register(String agency, String url, String eventTypes) {
        return given().auth()
                .oauth2(admin(agency))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": %s}".formatted(url, eventTypes))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> deliveries(String agency, String endpoint) {
        return given().auth()
                .oauth2(TestInfra.get().token(agency))
                .get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** The receiver's own check, written from the Standard Webhooks description, not the service's code. */
    private static boolean signatureValid(String secret, TestReceiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.signature().split(" ")).contains(expected);
    }

    @Test
    void registrationValidatesInputReturnsTheSecretOnceAndStaysWithinTheAgency() {
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"ftp://x.example/h\", \"eventTypes\": [\"*\"]}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"https://x.example/h\", \"eventTypes\": []}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"https://x.example/h\", \"eventTypes\": [\"*\"], \"secret\": \"hunter2\"}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("secret"));
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"https://x.example/h\", \"eventTypes\": [\"*\"], \"colour\": \"red\"}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestInfra.get().token("TJ-TOBACCO"))
                .contentType(ContentType.JSON)
                .body("{\"url\": \"https://x.example/h\", \"eventTypes\": [\"*\"]}")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        JsonPath created = register("TJ-TOBACCO", "https://x.example/h", "[\"org.xianjie.referral.*\"]");
        assertThat(created.getString("secret")).startsWith("whsec_");
        String id = created.getString("id");
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("url", equalTo("https://x.example/h"));
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .get("/api/v1/webhooks")
                .then()
                .body("[0].secret", nullValue());

        for (String stranger : List.of("TJ-AMR", "BH-PSB")) {
            given().auth()
                    .oauth2(admin(stranger))
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(admin(stranger))
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(admin(stranger))
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
        }
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .delete("/api/v1/webhooks/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin("TJ-TOBACCO"))
                .get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void deliveryIsSignedSoTheReceiverCanVerifyItAndAForeignEndpointGetsNothing() throws Exception {
        try (TestReceiver agencySystem = new TestReceiver();
                TestReceiver courtSystem = new TestReceiver()) {
            String secret = register("HP-AMR", agencySystem.url(), "[\"org.xianjie.referral.*\"]")
                    .getString("secret");
            register("HP-COURT", courtSystem.url(), "[\"*\"]");
            Fixtures.Referral declined = Fixtures.Referral.create();
            declined.stepWithParties("DECLINE", "DECLINED", "HP-PSB", "HP-AMR", "HP-PSB", "HP-PROC");

            TestReceiver.Request got = await(
                    () -> agencySystem.requests().stream()
                            .filter(q -> q.body().contains(declined.referralId().toString()))
                            .findFirst()
                            .orElse(null),
                    q -> q != null,
                    Duration.ofSeconds(20));
            assertThat(signatureValid(secret, got)).isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(got.timestamp())))
                    .isLessThan(60);
            JsonNode body = mapper.readTree(got.body());
            assertThat(body.path("type").asText()).isEqualTo("xianjie.notification.created");
            assertThat(body.path("data").path("id").asText()).isEqualTo(got.id());
            assertThat(body.path("data").path("agency").asText()).isEqualTo("HP-AMR");
            assertThat(body.path("data").path("urgency").asText()).isEqualTo("ACTION");
            // Witness: a prosecution before the Heping court on the same case, routed after the decline.
            Fixtures.Referral toCourt =
                    new Fixtures.Referral(java.util.UUID.randomUUID(), declined.caseId(), declined.caseNumber());
            toCourt.step("PROSECUTE", "PROSECUTED", "TJ-PROC", 5, "HP-COURT");
            await(
                    () -> courtSystem.requests().stream()
                            .anyMatch(
                                    q -> q.body().contains(toCourt.referralId().toString())),
                    delivered -> delivered,
                    Duration.ofSeconds(20));
            assertThat(courtSystem.requests())
                    .noneMatch(q -> q.body().contains(declined.referralId().toString()));
        }
    }

    @Test
    void failingReceiverIsRetriedWithGrowingBackoffUntilItRecovers() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer(q -> calls.incrementAndGet() <= 2 ? 500 : 200);
            String endpoint = register("BH-AMR", receiver.url(), "[\"*\"]").getString("id");
            Fixtures.Referral r = Fixtures.Referral.create();
            r.stepWithParties("FILE", "FILED", "BH-PSB", "BH-AMR", "BH-PSB", "BH-PROC");

            Map<String, Object> delivery = await(
                            () -> deliveries("BH-AMR", endpoint),
                            list -> !list.isEmpty()
                                    && "DELIVERED".equals(list.get(0).get("status")),
                            Duration.ofSeconds(20))
                    .get(0);
            assertThat(delivery.get("attempts")).isEqualTo(3);
            List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("log");
            assertThat(log).extracting(a -> a.get("statusCode")).containsExactly(500, 500, 200);
            List<TestReceiver.Request> requests = receiver.requests();
            assertThat(requests)
                    .extracting(TestReceiver.Request::id)
                    .containsOnly(requests.get(0).id());
            long firstGap =
                    Duration.between(requests.get(0).at(), requests.get(1).at()).toMillis();
            long secondGap =
                    Duration.between(requests.get(1).at(), requests.get(2).at()).toMillis();
            assertThat(firstGap).isGreaterThanOrEqualTo(100);
            assertThat(secondGap).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsParkedAsDeadAndCanBeRedelivered() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.answer(q -> 503);
            double failedBefore =
                    counted("xianjie_webhook_deliveries_total", Map.of("outcome", "failed", "reason", "http"));
            double deadBefore = counted("xianjie_webhook_deliveries_dead_total", Map.of());
            String endpoint = register("BH-CULTURE", receiver.url(), "[\"org.xianjie.referral.decline.v1\"]")
                    .getString("id");
            Fixtures.Referral r = Fixtures.Referral.create();
            r.stepWithParties("DECLINE", "DECLINED", "BH-PSB", "BH-CULTURE", "BH-PSB", "BH-PROC");

            List<Map<String, Object>> dead = await(
                    () -> given().auth()
                            .oauth2(admin("BH-CULTURE"))
                            .get("/api/v1/webhooks/" + endpoint + "/dead-letters")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .<Map<String, Object>>getList("$"),
                    list -> !list.isEmpty(),
                    Duration.ofSeconds(20));
            assertThat(dead.get(0).get("attempts")).isEqualTo(4);
            assertThat(dead.get(0).get("lastStatus")).isEqualTo(503);
            assertThat(receiver.requests()).hasSize(4);
            // The operators' counters (alerts XianjieWebhookDeliveriesFailing and ...Dead) moved with it.
            await(
                    () -> counted("xianjie_webhook_deliveries_dead_total", Map.of()),
                    n -> n >= deadBefore + 1,
                    Duration.ofSeconds(30));
            assertThat(counted("xianjie_webhook_deliveries_total", Map.of("outcome", "failed", "reason", "http")))
                    .isGreaterThanOrEqualTo(failedBefore + 4);
            Object deliveryId = dead.get(0).get("id");

            given().auth()
                    .oauth2(TestInfra.get().token("BH-CULTURE"))
                    .post("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver")
                    .then()
                    .statusCode(403);
            receiver.answer(q -> 204);
            given().auth()
                    .oauth2(admin("BH-CULTURE"))
                    .post("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver")
                    .then()
                    .statusCode(202);
            await(
                    () -> deliveries("BH-CULTURE", endpoint).get(0).get("status"),
                    "DELIVERED"::equals,
                    Duration.ofSeconds(10));
            assertThat(receiver.requests()).hasSize(5);
            assertThat(receiver.requests().get(4).id())
                    .isEqualTo(receiver.requests().get(0).id());
            given().auth()
                    .oauth2(admin("BH-CULTURE"))
                    .post("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver")
                    .then()
                    .statusCode(409)
                    .body("state", equalTo("DELIVERED"));
            given().auth()
                    .oauth2(admin("TJ-AMR"))
                    .post("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId + "/redeliver")
                    .then()
                    .statusCode(404);
        }
    }

    private static double counted(String metric, Map<String, String> labels) {
        return PrometheusText.value(
                given().get("/q/metrics").then().statusCode(200).extract().asString(), metric, labels);
    }

    @Test
    void eventsOfOneCaseReachTheEndpointInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            Fixtures.Referral r = Fixtures.Referral.create();
            AtomicInteger declineCalls = new AtomicInteger();
            receiver.answer(
                    q -> q.body().contains("referral.decline.v1") && declineCalls.incrementAndGet() <= 2 ? 500 : 200);
            register("TJ-AGRI", receiver.url(), "[\"*\"]");
            r.stepWithParties("DECLINE", "DECLINED", "TJ-PSB", "TJ-AGRI", "TJ-PSB", "TJ-PROC");
            r.stepWithParties("UPHOLD_DECLINE", "DECLINE_UPHELD", "TJ-PSB", "TJ-AGRI", "TJ-PSB", "TJ-PROC");

            await(
                    () -> receiver.requests().stream()
                            .filter(q -> q.answered() == 200)
                            .count(),
                    n -> n >= 2,
                    Duration.ofSeconds(20));
            List<String> order = receiver.requests().stream()
                    .map(q -> (q.body().contains("referral.decline.v1") ? "DECLINE" : "UPHOLD") + ":" + q.answered())
                    .toList();
            assertThat(order).containsExactly("DECLINE:500", "DECLINE:500", "DECLINE:200", "UPHOLD:200");
        }
    }
}
