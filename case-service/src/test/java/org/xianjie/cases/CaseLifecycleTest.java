package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.CaseApi.post;
import static org.xianjie.localinfra.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void caseLivesFromOpeningThroughPenaltyToClosingAndEveryChangeIsPublishedInOrder() throws Exception {
        String number = CaseApi.number("津市监处");
        String id = CaseApi.open("TJ-AMR", number);
        String sha = CaseApi.sha();

        post("TJ-AMR", id, "facts", CaseApi.FACTS)
                .statusCode(200)
                .body("amounts.illegalGains", equalTo(21000.00f))
                .body("state", equalTo("OPEN"));
        post("TJ-AMR", id, "evidence", CaseApi.evidence(sha))
                .statusCode(201)
                .body("evidenceCount", equalTo(1))
                .body("evidence[0].sha256", equalTo(sha))
                .body("evidence[0].recordedBy", equalTo("officer@TJ-AMR"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY)
                .statusCode(200)
                .body("state", equalTo("PENALTY_DECIDED"))
                .body("penalty.decisionNumber", equalTo("津市监罚〔2026〕12号"))
                .body("allowedSteps", contains("add-evidence", "revoke-penalty", "close"));
        post("TJ-AMR", id, "close", CaseApi.CLOSE)
                .statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("closedOn", equalTo("2026-05-20"))
                .body("allowedSteps", contains("revoke-penalty"));

        JsonPath read = as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(read.getString("caseNumber")).isEqualTo(number);
        // only the last 4 characters, and no hash at all: a reader cannot search back to the number
        assertThat(read.getString("parties[0].maskedIdentityNumber")).isEqualTo("**************1234");
        assertThat(read.getMap("parties[0]")).doesNotContainKeys("identityHash", "identityHashes");
        assertThat(read.prettify()).doesNotContain(plainSha256("120101199001011234"));
        assertThat(read.getString("penalty.decisionDate")).isEqualTo("2026-04-10");
        assertThat(read.getList("evidence")).hasSize(1);

        as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("action", contains("opened", "record-facts", "add-evidence", "decide-penalty", "close"))
                .body("user", hasItem("officer@TJ-AMR"));

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> id.equals(r.key()), 5, Duration.ofSeconds(20));
            assertThat(records)
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                            "org.xianjie.case.opened.v1",
                            "org.xianjie.case.facts-recorded.v1",
                            "org.xianjie.case.evidence-added.v1",
                            "org.xianjie.case.penalty-decided.v1",
                            "org.xianjie.case.closed.v1");
            assertThat(records)
                    .extracting(r -> JSON.readTree(r.value()).get("version").asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain("120101199001011234"));
            JsonNode penalty = JSON.readTree(records.get(3).value());
            assertThat(penalty.at("/penalty/decisionDate").asText()).isEqualTo("2026-04-10");
            assertThat(penalty.at("/amounts/illegalBusinessVolume").decimalValue())
                    .isEqualByComparingTo("86000");
            // published keyed (HMAC under the operator's key, named by its id), never the plain SHA-256
            String published = penalty.at("/partyIdentityHashes/0").asText();
            assertThat(published)
                    .isEqualTo(org.xianjie.platform.pii.IdentityHasher.parse(
                                    TestInfra.get().keys().identityHmacKeys())
                            .hashes("120101199001011234")
                            .get(0));
            assertThat(published).startsWith("local1:").doesNotContain(plainSha256("120101199001011234"));
            assertThat(records)
                    .allSatisfy(r -> assertThat(r.value()).doesNotContain(plainSha256("120101199001011234")));
            assertThat(penalty.get("evidenceCount").asInt()).isEqualTo(1);
            assertThat(penalty.get("region").asText()).isEqualTo("120000");
        }
    }

    @Test
    void penaltyOnClosedCaseIsRefusedWith409NamingStateAndAllowedSteps() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "close", CaseApi.CLOSE).statusCode(200);

        post("TJ-AMR", id, "penalty", CaseApi.PENALTY)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("CLOSED"))
                .body("allowedSteps", hasSize(0))
                .body("detail", equalTo("decide-penalty is not allowed while the case is CLOSED"));
        post("TJ-AMR", id, "evidence", CaseApi.evidence(CaseApi.sha()))
                .statusCode(409)
                .body("state", equalTo("CLOSED"));
        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .body("penalty", nullValue())
                .body("evidenceCount", equalTo(0));
    }

    @Test
    void secondPenaltyIsRefusedNamingWhatTheDecidedCaseAllows() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY)
                .statusCode(409)
                .body("state", equalTo("PENALTY_DECIDED"))
                .body("allowedSteps", contains("add-evidence", "revoke-penalty", "close"));
    }

    @Test
    void caseNumberIsUniquePerAgencyButFreeForAnotherAgency() {
        String number = CaseApi.number("津处");
        CaseApi.open("TJ-AMR", number);
        as("TJ-AMR")
                .body(CaseApi.openBody(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseNumber"));
        CaseApi.open("TJ-IPO", number);
    }

    @Test
    void sameEvidenceFileIsRecordedOnlyOncePerCase() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        String sha = CaseApi.sha();
        post("TJ-AMR", id, "evidence", CaseApi.evidence(sha)).statusCode(201);
        post("TJ-AMR", id, "evidence", CaseApi.evidence(sha.toUpperCase()))
                .statusCode(409)
                .body("errors[0].field", equalTo("sha256"));
    }

    @Test
    void listingFiltersByStateCategoryDatesAndTextAndPagesWithCursor() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            as("TJ-CULTURE")
                    .body("""
                    {"caseNumber": "津文执〔2026〕%s-%d", "category": "COPYRIGHT", "title": "盗版图书 %s 第%d案",
                     "openedOn": "2026-02-0%d"}""".formatted(tag, i, tag, i, i + 1))
                    .post("/api/v1/cases")
                    .then()
                    .statusCode(201);
        }
        String first = as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("limit", 2)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .body("items[0].title", equalTo("盗版图书 " + tag + " 第4案"))
                .extract()
                .path("nextCursor");
        String second = as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("limit", 2)
                .queryParam("cursor", first)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].title", equalTo("盗版图书 " + tag + " 第2案"))
                .extract()
                .path("nextCursor");
        as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("limit", 2)
                .queryParam("cursor", second)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());

        as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("openedFrom", "2026-02-02")
                .queryParam("openedTo", "2026-02-03")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("category", "TRADEMARK")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("TJ-CULTURE")
                .queryParam("q", tag)
                .queryParam("state", "OPEN")
                .queryParam("region", "120000")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items.agencyCode", not(hasItem("TJ-AMR")));
    }

    static String plainSha256(String number) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(number.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
