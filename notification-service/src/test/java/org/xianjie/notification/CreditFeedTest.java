package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.notification.Fixtures.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xianjie.events.EventSchemaValidator;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * 联合奖惩: a public penalty decision reaches the credit platform's endpoint as a signed CloudEvent,
 * survives the endpoint being unavailable, is corrected by its own event, and a non-public one is
 * never sent.
 */
@QuarkusTest
@TestProfile(CreditFeedTest.Feed.class)
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class CreditFeedTest {

    static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("credit-feed-test-secret-32-bytes".getBytes(StandardCharsets.UTF_8));
    static final String PARTY_KEY = "tianjin-credit-platform-shared-party-key";
    private static final String PORT_PROPERTY = "xianjie.test.credit-feed-port";

    /** The credit platform's address must be known before the service starts: a port chosen once per JVM. */
    static synchronized int port() {
        String chosen = System.getProperty(PORT_PROPERTY);
        if (chosen == null) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                chosen = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT_PROPERTY, chosen);
        }
        return Integer.parseInt(chosen);
    }

    public static class Feed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xianjie.credit-feed.url",
                    "http://127.0.0.1:" + port() + "/hook",
                    "xianjie.credit-feed.secret",
                    SECRET,
                    "xianjie.credit-feed.party-key",
                    PARTY_KEY);
        }
    }

    private static TestReceiver platform;
    private static final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = new TestReceiver(port());
        // The platform answers 503 as often as a test asks for a case, then accepts.
        platform.answer(r -> refusals.entrySet().stream()
                .filter(e -> r.body().contains(e.getKey()) && e.getValue().getAndDecrement() > 0)
                .findFirst()
                .map(e -> 503)
                .orElse(202));
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    private static void decide(
            UUID key, UUID caseId, String type, String fine, String confiscation, String... partyHashes) {
        String parties = String.join("\", \"", partyHashes);
        Fixtures.publish(
                Topics.CASE_EVENTS,
                key.toString(),
                "/xianjie/case-service",
                UUID.randomUUID().toString(),
                type,
                """
                        {"caseId": "%s", "agencyCode": "TJ-AMR", "caseNumber": "津市监立〔2026〕%s号", "category": "TRADEMARK",
                         "region": "120000", "title": "销售侵权商品", "state": "PENALTY_DECIDED", "evidenceCount": 1, "version": 5,
                         "partyIdentityHashes": [%s],
                         "penalty": {"decisionNumber": "津市监罚〔2026〕%s号", "decisionDate": "2026-03-02"%s%s}}""".formatted(
                                caseId,
                                caseId.toString().substring(0, 4),
                                parties.isEmpty() ? "" : "\"" + parties + "\"",
                                caseId.toString().substring(0, 4),
                                fine == null ? "" : ", \"fine\": " + fine,
                                confiscation == null ? "" : ", \"confiscation\": " + confiscation));
    }

    private static List<TestReceiver.Request> received(UUID caseId) {
        return platform.requests().stream()
                .filter(r -> r.body().contains(caseId.toString()))
                .toList();
    }

    private static List<TestReceiver.Request> accepted(UUID caseId) {
        return received(caseId).stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /** The platform's own check, from the Standard Webhooks description rather than the service's code. */
    private static boolean signedWithTheFeedSecret(TestReceiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.signature().split(" ")).contains(expected);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String keyed(String identityHash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PARTY_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(identityHash.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Map<String, Object>> log(UUID caseId) {
        return given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "platform-operator"))
                .queryParam("caseId", caseId.toString())
                .get("/api/v1/admin/credit-feed/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void aPublicDecisionIsDeliveredSignedAfterTheEndpointRefusedTwiceAndACorrectionFollowsAsItsOwnEvent()
            throws Exception {
        UUID caseId = UUID.randomUUID();
        String identityHash = sha256("120101199001011234");
        refusals.put(caseId.toString(), new AtomicInteger(2));
        decide(caseId, caseId, "org.xianjie.case.penalty-decided.v1", "50000", "12000", identityHash);

        TestReceiver.Request published = await(() -> accepted(caseId), got -> !got.isEmpty(), Duration.ofSeconds(60))
                .get(0);
        List<TestReceiver.Request> tries = received(caseId);
        assertThat(tries).hasSize(3);
        assertThat(tries).extracting(TestReceiver.Request::answered).containsExactly(503, 503, 202);
        assertThat(tries).extracting(TestReceiver.Request::id).containsOnly(published.id());
        assertThat(signedWithTheFeedSecret(published)).isTrue();

        JsonNode event = mapper.readTree(published.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("org.xianjie.credit.penalty-published.v1");
        assertThat(event.path("id").asText()).isEqualTo(published.id());
        assertThat(event.path("dataschema").asText())
                .isEqualTo("https://xianjie.org/schemas/events/org.xianjie.credit.penalty-published.v1.json");
        JsonNode data = event.path("data");
        assertThat(new EventSchemaValidator()
                        .problems(URI.create(event.path("dataschema").asText()), data))
                .isEmpty();
        assertThat(data.path("decisionNumber").asText()).startsWith("津市监罚〔2026〕");
        assertThat(data.path("decisionDate").asText()).isEqualTo("2026-03-02");
        assertThat(data.path("agencyCode").asText()).isEqualTo("TJ-AMR");
        assertThat(data.path("fine").decimalValue()).isEqualByComparingTo("50000");
        assertThat(data.path("confiscation").decimalValue()).isEqualByComparingTo("12000");
        assertThat(data.path("decisionVersion").asInt()).isEqualTo(1);
        assertThat(data.path("partyKeyedHashes").get(0).asText()).isEqualTo(keyed(identityHash));
        assertThat(published.body()).doesNotContain("120101199001011234").doesNotContain(identityHash);

        // The same decision again (the case closed) is no news; the fine reduced on review is a correction.
        decide(caseId, caseId, "org.xianjie.case.closed.v1", "50000.00", "12000", identityHash);
        decide(caseId, caseId, "org.xianjie.case.closed.v1", "30000", "12000", identityHash);
        TestReceiver.Request corrected = await(() -> accepted(caseId), got -> got.size() >= 2, Duration.ofSeconds(60))
                .get(1);
        assertThat(signedWithTheFeedSecret(corrected)).isTrue();
        JsonNode correction = mapper.readTree(corrected.body());
        assertThat(correction.path("type").asText()).isEqualTo("org.xianjie.credit.penalty-corrected.v1");
        assertThat(correction.path("data").path("decisionVersion").asInt()).isEqualTo(2);
        assertThat(correction.path("data").path("fine").decimalValue()).isEqualByComparingTo("30000");
        assertThat(corrected.id()).isNotEqualTo(published.id());

        // the platform's 2xx is recorded just after it answered: wait for the log to show it
        List<Map<String, Object>> log = await(
                () -> log(caseId),
                l -> l.size() == 2 && l.stream().allMatch(d -> "DELIVERED".equals(d.get("status"))),
                Duration.ofSeconds(30));
        assertThat(log)
                .extracting(d -> d.get("eventType"))
                .containsExactly("org.xianjie.credit.penalty-corrected.v1", "org.xianjie.credit.penalty-published.v1");
        assertThat(log).extracting(d -> d.get("status")).containsOnly("DELIVERED");
        assertThat(log.get(1).get("attempts")).isEqualTo(3);
    }

    /** The case-service event of a revoked decision: the decision as it was, with its revocation. */
    private static void revoked(UUID key, UUID caseId, String type, long version) {
        Fixtures.publish(
                Topics.CASE_EVENTS,
                key.toString(),
                "/xianjie/case-service",
                UUID.randomUUID().toString(),
                type,
                """
                        {"caseId": "%s", "agencyCode": "TJ-AMR", "caseNumber": "津市监立〔2026〕%s号", "category": "TRADEMARK",
                         "region": "120000", "title": "销售侵权商品", "state": "OPEN", "evidenceCount": 1, "version": %d,
                         "partyIdentityHashes": [],
                         "penalty": {"decisionNumber": "津市监罚〔2026〕%s号", "decisionDate": "2026-03-02", "fine": 8000,
                                     "revocation": {"reason": "行政复议决定撤销", "revokedAt": "2026-04-11T10:00:00+08:00"}}}""".formatted(
                                caseId,
                                caseId.toString().substring(0, 4),
                                version,
                                caseId.toString().substring(0, 4)));
    }

    @Test
    void aRevokedDecisionReachesThePlatformOnceAsItsOwnRevocationEvent() throws Exception {
        UUID caseId = UUID.randomUUID();
        decide(caseId, caseId, "org.xianjie.case.penalty-decided.v1", "8000", null);
        await(() -> accepted(caseId), got -> !got.isEmpty(), Duration.ofSeconds(60));

        revoked(caseId, caseId, "org.xianjie.case.penalty-revoked.v1", 6);
        // the case closed later, its decision still revoked: no news for the platform
        revoked(caseId, caseId, "org.xianjie.case.closed.v1", 7);
        // Same key, so the same partition: once the witness is delivered, both events were processed.
        UUID witness = UUID.randomUUID();
        decide(caseId, witness, "org.xianjie.case.penalty-decided.v1", "1000", null);
        await(() -> accepted(witness), got -> !got.isEmpty(), Duration.ofSeconds(60));
        List<TestReceiver.Request> sent = await(() -> accepted(caseId), got -> got.size() >= 2, Duration.ofSeconds(60));

        assertThat(sent).hasSize(2);
        TestReceiver.Request revocation = sent.get(1);
        assertThat(signedWithTheFeedSecret(revocation)).isTrue();
        JsonNode event = mapper.readTree(revocation.body());
        assertThat(event.path("type").asText()).isEqualTo("org.xianjie.credit.penalty-revoked.v1");
        assertThat(event.path("dataschema").asText())
                .isEqualTo("https://xianjie.org/schemas/events/org.xianjie.credit.penalty-revoked.v1.json");
        JsonNode data = event.path("data");
        assertThat(new EventSchemaValidator()
                        .problems(URI.create(event.path("dataschema").asText()), data))
                .isEmpty();
        assertThat(data.path("decisionVersion").asInt()).isEqualTo(2);
        assertThat(data.path("revocation").path("reason").asText()).isEqualTo("行政复议决定撤销");
        assertThat(data.path("decisionNumber").asText())
                .isEqualTo(mapper.readTree(sent.get(0).body())
                        .path("data")
                        .path("decisionNumber")
                        .asText());
        assertThat(log(caseId))
                .extracting(d -> d.get("eventType"))
                .containsExactly("org.xianjie.credit.penalty-revoked.v1", "org.xianjie.credit.penalty-published.v1");
    }

    @Test
    void aDecisionWithoutFineOrConfiscationIsNotSent() {
        UUID warned = UUID.randomUUID();
        UUID witness = UUID.randomUUID();
        decide(warned, warned, "org.xianjie.case.penalty-decided.v1", null, null);
        // Same key, so the same partition: once the witness is delivered, the warning was processed.
        decide(warned, witness, "org.xianjie.case.penalty-decided.v1", "1000", null);
        await(() -> accepted(witness), got -> !got.isEmpty(), Duration.ofSeconds(60));
        assertThat(received(warned)).isEmpty();
        assertThat(log(warned)).isEmpty();
    }

    @Test
    void aDeliveryTheEndpointNeverAcceptsIsDeadUntilTheOperatorRedeliversIt() {
        UUID caseId = UUID.randomUUID();
        AtomicInteger down = new AtomicInteger(Integer.MAX_VALUE);
        refusals.put(caseId.toString(), down);
        decide(caseId, caseId, "org.xianjie.case.penalty-decided.v1", "2000", null);

        Map<String, Object> dead = await(
                        () -> log(caseId),
                        l -> !l.isEmpty() && "DEAD".equals(l.get(0).get("status")),
                        Duration.ofSeconds(60))
                .get(0);
        assertThat(dead.get("lastStatus")).isEqualTo(503);
        assertThat(received(caseId)).hasSize((Integer) dead.get("attempts"));
        String operator = TestInfra.get().token("TJ-AMR", "platform-operator");
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "admin"))
                .post("/api/v1/admin/credit-feed/deliveries/" + dead.get("id") + "/redeliver")
                .then()
                .statusCode(403);

        down.set(0);
        given().auth()
                .oauth2(operator)
                .post("/api/v1/admin/credit-feed/deliveries/" + dead.get("id") + "/redeliver")
                .then()
                .statusCode(202);
        TestReceiver.Request delivered = await(() -> accepted(caseId), got -> !got.isEmpty(), Duration.ofSeconds(60))
                .get(0);
        assertThat(delivered.id()).isEqualTo(received(caseId).get(0).id());
        await(() -> log(caseId).get(0).get("status"), "DELIVERED"::equals, Duration.ofSeconds(30));
        given().auth()
                .oauth2(operator)
                .post("/api/v1/admin/credit-feed/deliveries/" + dead.get("id") + "/redeliver")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(operator)
                .post("/api/v1/admin/credit-feed/deliveries/999999999/redeliver")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyThePlatformOperatorReadsTheLog() {
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "admin"))
                .get("/api/v1/admin/credit-feed/deliveries")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "platform-operator"))
                .queryParam("caseId", "not-a-uuid")
                .get("/api/v1/admin/credit-feed/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseId"));
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR", "platform-operator"))
                .queryParam("status", "LOST")
                .get("/api/v1/admin/credit-feed/deliveries")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
