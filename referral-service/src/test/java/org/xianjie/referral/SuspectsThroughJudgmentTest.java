package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import org.xianjie.platform.pii.IdentityHasher;

/**
 * A referral with three suspects through filing, the arrest of two, the prosecution of two and a
 * judgment: every per-person decision and the set-off of the administrative fine.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class SuspectsThroughJudgmentTest {

    static final String WANG = "120101198001011234";
    static final String LI = "12010119850202567X";
    static final String ZHAO = "120101199003034321";

    static String suspect(String name, String number, String role, String charges) {
        return """
                {"kind": "PERSON", "name": "%s", "identityNumber": "%s", "role": "%s", "charges": [%s]}""".formatted(name, number, role, charges);
    }

    static Response record(String agency, String referral, String body) {
        return given().auth()
                .oauth2(token(agency))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals/" + referral + "/suspects");
    }

    static String recorded(String agency, String referral, String body) {
        return record(agency, referral, body).then().statusCode(201).extract().path("id");
    }

    /** The penalty of the case, fined 50 000 yuan, against Wang and Li as case-service announces it. */
    static void penaltyAnnounced(UUID caseId) throws Exception {
        IdentityHasher hasher = IdentityHasher.parse(TestInfra.get().keys().identityHmacKeys());
        String parties = String.join(
                        ",",
                        hasher.hashes(WANG).stream().map(h -> "\"" + h + "\"").toList()) + ","
                + String.join(
                        ",",
                        hasher.hashes(LI).stream().map(h -> "\"" + h + "\"").toList());
        CaseEvents.publish(caseId, "penalty-decided", """
                {"caseId":"%s","agencyCode":"TJ-AMR","caseNumber":"津市监处〔2026〕%s号","category":"TRADEMARK",
                 "region":"120000","title":"销售假冒注册商标的商品案","state":"PENALTY_DECIDED",
                 "amounts":{"illegalBusinessVolume":260000,"marks":2},
                 "penalty":{"decisionNumber":"津市监罚〔2026〕31号","decisionDate":"%s","fine":50000,
                            "confiscation":12000},
                 "partyIdentityHashes":[%s],"evidenceCount":3,"version":3}""".formatted(
                        caseId,
                        caseId.toString().substring(0, 4),
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                        parties));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token("TJ-PROC"))
                        .get("/api/v1/penalty-decisions/" + caseId)
                        .then()
                        .statusCode(200));
    }

    @Test
    void threeSuspectsArrestOfTwoProsecutionOfTwoAndJudgmentWithTheFineSetOff() throws Exception {
        UUID caseId = UUID.randomUUID();
        Map<String, Long> before = figures();
        penaltyAnnounced(caseId);
        String id = Flow.sent(caseId);

        Response first = record("TJ-AMR", id, suspect("王某", WANG, "PRINCIPAL", "\"213\", \"214\", \"213\""));
        first.then()
                .statusCode(201)
                .body("maskedIdentityNumber", equalTo("**************1234"))
                .body("charges", equalTo(List.of("213", "214")))
                .body("arrest", nullValue());
        assertThat(first.asString()).doesNotContain(WANG).doesNotContain("identityHash");
        String wang = first.path("id");
        ok(token("TJ-PSB"), id, "RECEIVE", null);
        String li = recorded("TJ-PSB", id, suspect("李某", LI, "ACCOMPLICE", "\"214\""));
        String zhao = recorded("TJ-PSB", id, suspect("赵某", ZHAO, "ACCOMPLICE", "\"214\""));
        ok(token("TJ-PSB"), id, "FILE", null);

        ok(token("TJ-PSB"), id, "REQUEST_ARREST", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(wang, li, zhao))
                .then()
                .body("state", equalTo("ARREST_REQUESTED"));
        ok(token("TJ-PROC"), id, "APPROVE_ARREST", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"},
                              {"suspectId": "%s", "decision": "NOT_APPROVED"}]}""".formatted(wang, li, zhao))
                .then()
                .body("state", equalTo("ARREST_APPROVED"));
        ok(token("TJ-PSB"), id, "TRANSFER_FOR_PROSECUTION", null);
        ok(token("TJ-PROC"), id, "PROSECUTE", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"},
                              {"suspectId": "%s", "decision": "NOT_PROSECUTED"}]}""".formatted(wang, li, zhao))
                .then()
                .body("state", equalTo("PROSECUTED"));

        // The court accepts only the prosecuted: naming Zhao refuses the whole step, nothing changes.
        Flow.step(token("TJ-COURT"), id, "ACCEPT_CASE", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(wang, zhao))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("suspects[1].suspectId"));
        Flow.get(token("TJ-COURT"), id).then().body("state", equalTo("PROSECUTED"));

        ok(token("TJ-COURT"), id, "ACCEPT_CASE", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(wang, li));
        ok(token("TJ-COURT"), id, "RENDER_JUDGMENT", """
                {"suspects": [
                  {"suspectId": "%s", "verdict": "GUILTY", "imprisonmentMonths": 30, "probationMonths": 36,
                   "criminalFine": 80000},
                  {"suspectId": "%s", "verdict": "GUILTY", "imprisonmentMonths": 12, "criminalFine": 20000}]}""".formatted(wang, li))
                .then()
                .body("state", equalTo("JUDGED"));

        String w = "find { it.id == '%s' }".formatted(wang);
        String l = "find { it.id == '%s' }".formatted(li);
        String z = "find { it.id == '%s' }".formatted(zhao);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals/" + id + "/suspects")
                .then()
                .statusCode(200)
                .body("", hasSize(3))
                .body(w + ".arrest.decision", equalTo("APPROVED"))
                .body(l + ".arrest.decision", equalTo("APPROVED"))
                .body(z + ".arrest.decision", equalTo("NOT_APPROVED"))
                .body(w + ".prosecution.decision", equalTo("PROSECUTED"))
                .body(l + ".prosecution.decision", equalTo("PROSECUTED"))
                .body(z + ".prosecution.decision", equalTo("NOT_PROSECUTED"))
                .body(z + ".courtAcceptedAt", nullValue())
                .body(z + ".judgment", nullValue())
                .body(w + ".judgment.verdict", equalTo("GUILTY"))
                .body(w + ".judgment.imprisonmentMonths", equalTo(30))
                .body(w + ".judgment.probationMonths", equalTo(36))
                .body(w + ".judgment.criminalFine", equalTo(80000.0f))
                // Decree 310 art. 11: the 50 000 yuan already paid is set off once, first against Wang's fine ...
                .body(w + ".judgment.administrativeFineSetOff", equalTo(50000.0f))
                .body(w + ".judgment.fineDue", equalTo(30000.0f))
                // ... so nothing of it is left for Li.
                .body(l + ".judgment.imprisonmentMonths", equalTo(12))
                .body(l + ".judgment.administrativeFineSetOff", equalTo(0.0f))
                .body(l + ".judgment.fineDue", equalTo(20000.0f));

        // what the referral added to TJ-AMR's row of the year's figures (tests of this class run one at a time)
        Map<String, Long> after = figures();
        Map<String, Long> added = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            if (v - before.get(k) != 0) {
                added.put(k, v - before.get(k));
            }
        });
        assertThat(added)
                .containsAllEntriesOf(Map.of(
                        "referralsSent",
                        1L,
                        "policeFiled",
                        1L,
                        "arrestsApprovedCases",
                        1L,
                        "arrestsApprovedPersons",
                        2L,
                        "prosecutedCases",
                        1L,
                        "prosecutedPersons",
                        2L,
                        "courtAccepted",
                        1L,
                        "courtJudged",
                        1L,
                        "fines",
                        50000L,
                        "confiscations",
                        12000L));
        assertThat(added).doesNotContainKeys("policeDeclined");

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            List<ConsumerRecord<String, String>> suspectEvents = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && header(r, "ce_type").contains(".suspect-"),
                    3 + 3 + 3 + 3 + 2 + 2,
                    Duration.ofSeconds(30));
            assertThat(suspectEvents)
                    .extracting(r -> header(r, "ce_type"))
                    .filteredOn(ReferralEventTypes.SUSPECT_RECORDED::equals)
                    .hasSize(3);
            assertThat(suspectEvents).allSatisfy(r -> assertThat(r.value()).doesNotContain(WANG, LI, ZHAO, "王某"));
            EventSchemaCheck.assertConforms(suspectEvents);
            com.fasterxml.jackson.databind.JsonNode judged = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(suspectEvents.get(suspectEvents.size() - 2).value());
            assertThat(judged.path("act").asText()).isEqualTo("JUDGED");
            assertThat(judged.path("step").asText()).isEqualTo("RENDER_JUDGMENT");
            assertThat(judged.path("suspectId").asText()).isEqualTo(wang);
            assertThat(judged.path("administrativeFineSetOff").decimalValue()).isEqualByComparingTo("50000");
            assertThat(judged.path("fineDue").decimalValue()).isEqualByComparingTo("30000");
        }
    }

    /** TJ-AMR's row of this year's figures as the city procuratorate reads it (amounts in whole yuan). */
    static Map<String, Long> figures() {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Map<String, Object> row = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/statistics?year=" + year + "&agency=TJ-AMR")
                .then()
                .statusCode(200)
                .extract()
                .path("rows[0]");
        Map<String, Long> out = new java.util.TreeMap<>();
        row.forEach((k, v) -> {
            if (v instanceof Number n) {
                out.put(k, new java.math.BigDecimal(n.toString()).longValue());
            }
        });
        return out;
    }

    @Test
    void onlyTheAgencyAndThePoliceRecordSuspectsAndANonPartyLearnsNothing() {
        UUID caseId = UUID.randomUUID();
        String id = Flow.report(caseId);
        String company = """
                {"kind": "COMPANY", "name": "天津某商贸有限公司", "identityNumber": "91120116MA05X1234Q",
                 "role": "OFFENDING_UNIT", "charges": ["213"]}""";
        record("TJ-AMR", id, company)
                .then()
                .statusCode(201)
                .body("maskedIdentityNumber", equalTo("**************234Q"));
        // the procuratorate reads them but does not record them
        record("TJ-PROC", id, company).then().statusCode(403);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals/" + id + "/suspects")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
        // a sibling district's and another province's procuratorate, and other agencies: 404 on both
        for (String outsider : List.of("BH-PROC", "QD-PROC", "SD-PROC", "TJ-IPO", "QD-AMR")) {
            given().auth()
                    .oauth2(token(outsider))
                    .get("/api/v1/referrals/" + id + "/suspects")
                    .then()
                    .statusCode(404);
            record(outsider, id, company).then().statusCode(404);
        }
        // the police are not party before the referral is sent
        record("TJ-PSB", id, company).then().statusCode(404);
    }

    @Test
    void badSuspectInputIsA400Or422NamingTheField() {
        String id = Flow.report(UUID.randomUUID());
        record("TJ-AMR", id, suspect("王某", WANG, "PRINCIPAL", "\"999\""))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("charges"));
        record("TJ-AMR", id, suspect("王某", WANG, "PRINCIPAL", "")).then().statusCode(400);
        record("TJ-AMR", id, """
                {"kind": "ROBOT", "name": "x", "identityNumber": "120101198001011234", "role": "PRINCIPAL",
                 "charges": ["213"]}""").then().statusCode(400);
        // a step outside the criminal process names no suspects
        String sid = recorded("TJ-AMR", id, suspect("王某", WANG, "PRINCIPAL", "\"213\""));
        Flow.step(token("TJ-AMR", "head"), id, "APPROVE", "{\"suspects\": [{\"suspectId\": \"%s\"}]}".formatted(sid))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("suspects"));
        Flow.get(token("TJ-AMR"), id).then().body("state", equalTo("REPORTED"));
    }
}
