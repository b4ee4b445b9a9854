package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * 行政处罚决定的撤销: the agency that recorded a penalty decision revokes it, once, with reasons and
 * the time it happened; the case history, the hash chain and the case topic all show it.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class PenaltyRevocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String revocation(OffsetDateTime at) {
        return """
                {"reason": "行政复议决定撤销 (津政复决〔2026〕3号)", "occurredAt": "%s"}""".formatted(at);
    }

    @Test
    void theRecordingAgencyRevokesItsDecisionOnceAndTheHistoryChainAndTopicShowIt() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);
        // a moment after the decision (acts come in their order), within the allowed clock skew
        OffsetDateTime revokedAt =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

        JsonPath revoked = post("TJ-AMR", id, "penalty/revoke", revocation(revokedAt))
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("penalty.decisionNumber", equalTo("津市监罚〔2026〕12号"))
                .body("penalty.revocation.reason", equalTo("行政复议决定撤销 (津政复决〔2026〕3号)"))
                .body("allowedSteps", contains("record-facts", "add-evidence", "decide-penalty", "close"))
                .extract()
                .jsonPath();
        assertThat(OffsetDateTime.parse(revoked.getString("penalty.revocation.revokedAt"))
                        .toInstant())
                .isEqualTo(revokedAt.toInstant());

        // once: a second revocation is a conflict, and leaves the first as it was
        post("TJ-AMR", id, "penalty/revoke", revocation(revokedAt))
                .statusCode(409)
                .contentType("application/problem+json");

        as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("action", contains("opened", "decide-penalty", "revoke-penalty"))
                .body("summary", hasItem("撤销行政处罚决定 津市监罚〔2026〕12号: 行政复议决定撤销 (津政复决〔2026〕3号)"))
                .body("eventType", hasItem(CaseEventTypes.PENALTY_REVOKED));
        // the revocation is an entry of the case's tamper-evident record, which still verifies
        as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("OK"))
                .body("length", equalTo(3));

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(30));
            assertThat(records)
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                            CaseEventTypes.OPENED, CaseEventTypes.PENALTY_DECIDED, CaseEventTypes.PENALTY_REVOKED);
            JsonNode data = JSON.readTree(records.get(2).value());
            assertThat(data.at("/penalty/revocation/reason").asText()).startsWith("行政复议决定撤销");
            assertThat(data.at("/state").asText()).isEqualTo("OPEN");
        }
        // the agency may decide anew (重新作出), which ends the revocation
        post(
                        "TJ-AMR",
                        id,
                        "penalty",
                        CaseApi.PENALTY.replace("}", ", \"occurredAt\": \"" + revokedAt.plusSeconds(1) + "\"}"))
                .statusCode(200)
                .body("state", equalTo("PENALTY_DECIDED"))
                .body("penalty.revocation", equalTo(null));
    }

    @Test
    void onlyTheRecordingAgencyRevokesAStrangerLearnsNothing() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);
        String body =
                revocation(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5).truncatedTo(ChronoUnit.MILLIS));

        post("BH-AMR", id, "penalty/revoke", body).statusCode(404);
        post("QD-AMR", id, "penalty/revoke", body).statusCode(404);
        // the procuratorate that reviews the decision may read the case, but only its agency revokes it
        post("TJ-PROC", id, "penalty/revoke", body).statusCode(403);
        as("TJ-AMR").get("/api/v1/cases/" + id).then().body("state", equalTo("PENALTY_DECIDED"));
    }

    @Test
    void aRevocationWithoutReasonsOrWithABadTimeIsRefusedNamingTheField() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);

        post("TJ-AMR", id, "penalty/revoke", "{\"reason\": \"  \"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        post("TJ-AMR", id, "penalty/revoke", "{\"reason\": \"自行纠正\", \"occurredAt\": \"yesterday\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        post("TJ-AMR", id, "penalty/revoke", "{\"reason\": \"自行纠正\", \"decision\": \"all\"}")
                .statusCode(400);
        // a case without a decision has nothing to revoke
        String undecided = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", undecided, "penalty/revoke", "{\"reason\": \"自行纠正\"}").statusCode(409);
        as("TJ-AMR").get("/api/v1/cases/" + id).then().body("state", equalTo("PENALTY_DECIDED"));
    }
}
