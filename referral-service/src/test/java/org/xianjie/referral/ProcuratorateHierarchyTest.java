package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.token;
import static org.xianjie.referral.SupervisionLeadTest.publishPenalty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * 检察一体化 over REST: a procuratorate sees and acts on the penalty decisions, leads and referrals
 * of its region and every region beneath it, never its parent's, a sibling's or another province's;
 * it records reviews of penalty decisions (行政处罚决定审查).
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ProcuratorateHierarchyTest {

    @Test
    void theCityProcuratorateSeesAndDecidesABinhaiLeadWhichHepingAndQingdaoNeverSee() throws Exception {
        UUID binhai = UUID.randomUUID();
        publishPenalty(binhai, "BH-AMR", "120116", "900000", 1);
        String leadId = awaitLead("BH-PROC", binhai);
        assertThat(leadCases("TJ-PROC")).contains(binhai.toString());
        assertThat(leadCases("HP-PROC")).doesNotContain(binhai.toString());
        assertThat(leadCases("QD-PROC")).doesNotContain(binhai.toString());
        given().auth()
                .oauth2(token("HP-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("SD-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("HP-PROC"))
                .contentType(ContentType.JSON)
                .body(reason("越级"))
                .post("/api/v1/leads/" + leadId + "/dismiss")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(200)
                .body("procuratorate", equalTo("BH-PROC"))
                .body("region", equalTo("120116"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body(reason("市院督办，转立案监督"))
                .post("/api/v1/leads/" + leadId + "/escalate")
                .then()
                .statusCode(200)
                .body("state", equalTo("ESCALATED"));
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(200)
                .body("state", equalTo("ESCALATED"));
    }

    @Test
    void aDistrictNeverSeesTheCitysOrASiblingsLeadsOrDecisions() throws Exception {
        UUID city = UUID.randomUUID();
        UUID heping = UUID.randomUUID();
        publishPenalty(city, "TJ-AMR", "120000", "900000", 1);
        publishPenalty(heping, "HP-AMR", "120101", "900000", 1);
        String cityLead = awaitLead("TJ-PROC", city);
        awaitLead("HP-PROC", heping);
        assertThat(leadCases("BH-PROC")).doesNotContain(city.toString(), heping.toString());
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/leads/" + cityLead)
                .then()
                .statusCode(404);
        assertThat(decisionCases("BH-PROC", "")).doesNotContain(city.toString(), heping.toString());
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/penalty-decisions/" + heping)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(decisionCases("TJ-PROC", "")).contains(city.toString(), heping.toString());
        assertThat(decisionCases("TJ-PROC", "?region=120101"))
                .contains(heping.toString())
                .doesNotContain(city.toString());
    }

    @Test
    void qingdaoAndTianjinNeverSeeEachOtherAndShandongSeesHuangdao() throws Exception {
        UUID huangdao = UUID.randomUUID();
        UUID binhai = UUID.randomUUID();
        publishPenalty(binhai, "BH-AMR", "120116", "900000", 1);
        publishPenalty(huangdao, "HD-AMR", "370211", "900000", 1);
        String leadId = awaitLead("HD-PROC", huangdao);
        assertThat(decisionCases("SD-PROC", "")).contains(huangdao.toString()).doesNotContain(binhai.toString());
        assertThat(decisionCases("QD-PROC", "")).contains(huangdao.toString()).doesNotContain(binhai.toString());
        assertThat(decisionCases("JZ-PROC", "")).doesNotContain(huangdao.toString());
        assertThat(decisionCases("TJ-PROC", "")).contains(binhai.toString()).doesNotContain(huangdao.toString());
        assertThat(leadCases("SD-PROC")).contains(huangdao.toString());
        assertThat(leadCases("TJ-PROC")).doesNotContain(huangdao.toString());
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"NO_ISSUE\", \"note\": \"跨省\"}")
                .post("/api/v1/penalty-decisions/" + huangdao + "/reviews")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("SD-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"PROCURATORIAL_ADVICE\", \"note\": \"省院抽查，建议规范罚没物品处置\"}")
                .post("/api/v1/penalty-decisions/" + huangdao + "/reviews")
                .then()
                .statusCode(201)
                .body("procuratorate", equalTo("SD-PROC"))
                .body("outcome", equalTo("PROCURATORIAL_ADVICE"));
    }

    @Test
    void theCityRecordsAReviewOfABinhaiDecisionOnceAndItIsListedAndAnnounced() throws Exception {
        UUID caseId = UUID.randomUUID();
        publishPenalty(caseId, "BH-AMR", "120116", "1000", 1); // below every threshold: no lead, still a decision
        awaitDecision("TJ-PROC", caseId);
        assertThat(decisionCases("TJ-PROC", "?reviewed=false")).contains(caseId.toString());
        String path = "/api/v1/penalty-decisions/" + caseId + "/reviews";
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"MAYBE\", \"note\": \"x\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("outcome"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"NO_ISSUE\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("note"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"outcome\": \"NO_ISSUE\", \"note\": \"早于处罚决定\", \"occurredAt\": \"2026-03-01T10:00:00+08:00\"}")
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("occurredAt"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/penalty-decisions?region=12011")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("region"));
        for (String outsider : List.of("HP-PROC", "BH-AMR", "BH-PSB", "TJ-COURT", "QD-PROC")) {
            given().auth()
                    .oauth2(token(outsider))
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\": \"NO_ISSUE\", \"note\": \"无权审查\"}")
                    .post(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(token("BH-AMR"))
                .get("/api/v1/penalty-decisions")
                .then()
                .statusCode(403);

        String body = "{\"outcome\": \"NO_ISSUE\", \"note\": \"经审查，未达追诉标准，处罚适当\","
                + " \"occurredAt\": \"2026-03-12T09:30:00+08:00\"}";
        String key = "review-" + caseId;
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            String reviewId = given().auth()
                    .oauth2(token("TJ-PROC"))
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(201)
                    .body("procuratorate", equalTo("TJ-PROC"))
                    .body("outcome", equalTo("NO_ISSUE"))
                    .body("decisionDate", equalTo("2026-03-10"))
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(token("TJ-PROC"))
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .body("id", equalTo(reviewId));
            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && ReferralEventTypes.PENALTY_DECISION_REVIEWED.equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events.get(0).value())
                    .contains(
                            "\"reviewId\":\"" + reviewId + "\"",
                            "\"outcome\":\"NO_ISSUE\"",
                            "\"procuratorate\":\"TJ-PROC\"",
                            "\"agency\":\"BH-AMR\"");
            // A later review of the same decision (another key) is the witness: once its event has
            // arrived, every earlier event of the case has, including any the replay might have caused.
            String followUp = given().auth()
                    .oauth2(token("TJ-PROC"))
                    .header("Idempotency-Key", key + "-follow-up")
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\": \"NO_ISSUE\", \"note\": \"复查：处罚适当\","
                            + " \"occurredAt\": \"2026-03-13T09:30:00+08:00\"}")
                    .post(path)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key())
                                    && r.value().contains("\"reviewId\":\"" + followUp + "\""),
                            1,
                            Duration.ofSeconds(40)))
                    .hasSize(1);
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key())
                                    && ReferralEventTypes.PENALTY_DECISION_REVIEWED.equals(header(r, "ce_type"))
                                    && r.value().contains("\"reviewId\":\"" + reviewId + "\""),
                            2,
                            Duration.ZERO))
                    .as("the replay announced nothing twice")
                    .hasSize(1);
        }
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/penalty-decisions/" + caseId)
                .then()
                .statusCode(200)
                .body("reviewed", equalTo(true))
                .body("reviews", org.hamcrest.Matchers.hasSize(2))
                .body("reviews.note", org.hamcrest.Matchers.hasItem("经审查，未达追诉标准，处罚适当"));
        assertThat(decisionCases("TJ-PROC", "?reviewed=true&region=120116")).contains(caseId.toString());
        assertThat(decisionCases("TJ-PROC", "?reviewed=false")).doesNotContain(caseId.toString());
    }

    @Test
    void theCityProcuratorateReadsABinhaiReferralAndTakesTheProcuratoratesStep() {
        UUID caseId = UUID.randomUUID();
        String id = Flow.report("BH-AMR", caseId);
        ok(token("BH-AMR", "head"), id, "APPROVE", null);
        ok(token("BH-AMR"), id, "SEND", Flow.SEND_ATTACHMENTS);
        ok(token("BH-PSB"), id, "RECEIVE", null);
        ok(token("BH-PSB"), id, "DECLINE", reason("不构成犯罪"));
        ok(token("BH-AMR"), id, "REQUEST_SUPERVISION", reason("建议检察院立案监督"));
        Flow.get(token("HP-PROC"), id).then().statusCode(404);
        Flow.get(token("QD-PROC"), id).then().statusCode(404);
        Flow.get(token("TJ-PSB"), id).then().statusCode(404);
        Flow.get(token("TJ-PROC"), id).then().statusCode(200).body("allowedSteps", hasItem("REQUEST_EXPLANATION"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals?region=120116")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(token("HP-PROC"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        Flow.step(token("HP-PROC"), id, "REQUEST_EXPLANATION", null).then().statusCode(404);
        ok(token("TJ-PROC"), id, "REQUEST_EXPLANATION", null).then().body("state", equalTo("EXPLANATION_REQUESTED"));
    }

    private static List<String> leadCases(String procuratorate) {
        return given().auth()
                .oauth2(token(procuratorate))
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .extract()
                .path("caseId");
    }

    private static List<String> decisionCases(String procuratorate, String query) {
        return given().auth()
                .oauth2(token(procuratorate))
                .get("/api/v1/penalty-decisions" + query + (query.isEmpty() ? "?size=200" : "&size=200"))
                .then()
                .statusCode(200)
                .extract()
                .path("caseId");
    }

    /** Case events reach referral-service asynchronously: waits for the case's lead and returns its id. */
    private static String awaitLead(String procuratorate, UUID caseId) {
        return org.awaitility.Awaitility.await("a lead for case " + caseId)
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(
                        () -> given()
                                .auth()
                                .oauth2(token(procuratorate))
                                .get("/api/v1/leads")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("$")
                                .stream()
                                .filter(lead -> caseId.toString().equals(lead.get("caseId")))
                                .map(lead -> (String) lead.get("id"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static void awaitDecision(String procuratorate, UUID caseId) {
        org.awaitility.Awaitility.await("the penalty decision of case " + caseId)
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> given().auth()
                                .oauth2(token(procuratorate))
                                .get("/api/v1/penalty-decisions/" + caseId)
                                .statusCode()
                        == 200);
    }
}
