package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The year's figures reproduced from records posted through the API (and case events as
 * case-service sends them) for Qingdao city (370200), a region no other test of this service acts
 * in: every cell of its agencies' rows is compared with the table below.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearFiguresTest {

    static final String COLUMNS = "agency,region,adminCasesFiled,adminCasesClosed,caseValue,fines,confiscations,"
            + "referralsSent,policeFiled,policeDeclined,arrestsApprovedCases,arrestsApprovedPersons,prosecutedCases,"
            + "prosecutedPersons,courtAccepted,courtJudged,penaltyDecisionsReviewed,leadsRaised,deadlinesBreached";

    /** The white-paper table of Qingdao city this test builds, one line per agency of 370200. */
    static final List<String> EXPECTED = List.of(
            "QD-AMR,370200,4,1,111000.00,30000.00,5000.00,3,2,1,2,3,1,1,1,1,0,0,0",
            "QD-COURT,370200,0,0,0.00,0.00,0.00,0,0,0,0,0,0,0,0,0,0,0,0",
            "QD-CUSTOMS,370200,0,0,0.00,0.00,0.00,0,0,0,0,0,0,0,0,0,0,0,0",
            "QD-IPO,370200,2,1,902000.00,100000.00,20000.00,0,0,0,0,0,0,0,0,0,1,1,0",
            "QD-PROC,370200,0,0,0.00,0.00,0.00,0,0,0,0,0,0,0,0,0,0,0,0",
            "QD-PSB,370200,0,0,0.00,0.00,0.00,0,0,0,0,0,0,0,0,0,0,0,0");

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    static int version = 1;

    static void caseEvent(UUID caseId, String agency, String act, String state, long value, String penalty)
            throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CaseEvents.publish(caseId, act, """
                {"caseId":"%s","agencyCode":"%s","caseNumber":"青%s","category":"TRADEMARK","region":"370200",
                 "title":"销售假冒注册商标的商品案","state":"%s","amounts":{"illegalBusinessVolume":%d,"marks":1},
                 %s "partyIdentityHashes":[],"evidenceCount":1,"version":%d,"occurredAt":"%s","recordedAt":"%s"}""".formatted(
                        caseId,
                        agency,
                        caseId.toString().substring(0, 6),
                        state,
                        value,
                        penalty == null ? "" : "\"penalty\":" + penalty + ",",
                        version++,
                        now,
                        now));
    }

    static String penalty(long fine, long confiscation) {
        return """
                {"decisionNumber":"青市监罚〔%d〕1号","decisionDate":"%s","fine":%d,"confiscation":%d}""".formatted(YEAR, LocalDate.now(ZoneId.of("Asia/Shanghai")), fine, confiscation);
    }

    static String referral(UUID caseId) {
        String id = given().auth()
                .oauth2(token("QD-AMR"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "青%s", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额超过追诉标准", "caseTeam": ["孙强", "周敏"]}""".formatted(caseId, caseId.toString().substring(0, 6)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ok(token("QD-AMR", "head"), id, "APPROVE", null);
        ok(token("QD-AMR"), id, "SEND", Flow.SEND_ATTACHMENTS);
        ok(token("QD-PSB"), id, "RECEIVE", null);
        return id;
    }

    static String suspect(String referral, String name, String number) {
        return given().auth()
                .oauth2(token("QD-PSB"))
                .contentType(ContentType.JSON)
                .body("""
                        {"kind": "PERSON", "name": "%s", "identityNumber": "%s", "role": "PRINCIPAL", "charges": ["213"]}""".formatted(name, number))
                .post("/api/v1/referrals/" + referral + "/suspects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static List<String> csvLines(String caller, String query) {
        String csv = given().auth()
                .oauth2(token(caller))
                .get("/api/v1/statistics?year=" + YEAR + "&format=csv" + query)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        return List.of(csv.split("\r\n"));
    }

    @Test
    @Order(1)
    void qingdaoCityTableIsReproducedCellByCellFromTheRecord() throws Exception {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        UUID c5 = UUID.randomUUID();
        UUID c6 = UUID.randomUUID();
        // market regulation: one case penalised (below every threshold) and closed, three referred
        caseEvent(c1, "QD-AMR", "opened", "OPEN", 1000, null);
        caseEvent(c1, "QD-AMR", "penalty-decided", "PENALTY_DECIDED", 1000, penalty(30000, 5000));
        caseEvent(c1, "QD-AMR", "closed", "CLOSED", 1000, penalty(30000, 5000));
        caseEvent(c2, "QD-AMR", "opened", "OPEN", 60000, null);
        caseEvent(c3, "QD-AMR", "opened", "OPEN", 20000, null);
        caseEvent(c6, "QD-AMR", "opened", "OPEN", 30000, null);
        // IP office: a penalty far above the threshold without referral (a lead), reviewed; another case open
        caseEvent(c4, "QD-IPO", "opened", "OPEN", 900000, null);
        caseEvent(c4, "QD-IPO", "penalty-decided", "PENALTY_DECIDED", 900000, penalty(100000, 20000));
        caseEvent(c4, "QD-IPO", "closed", "CLOSED", 900000, penalty(100000, 20000));
        caseEvent(c5, "QD-IPO", "opened", "OPEN", 2000, null);

        // c2: filed, two arrests approved, one prosecuted, accepted and judged
        String r2 = referral(c2);
        String a = suspect(r2, "钱某", "370202198101011111");
        String b = suspect(r2, "孙某", "370202198202022222");
        ok(token("QD-PSB"), r2, "FILE", null);
        ok(token("QD-PSB"), r2, "REQUEST_ARREST", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(a, b));
        ok(token("QD-PROC"), r2, "APPROVE_ARREST", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(a, b));
        ok(token("QD-PSB"), r2, "TRANSFER_FOR_PROSECUTION", null);
        ok(token("QD-PROC"), r2, "PROSECUTE", """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s", "decision": "NOT_PROSECUTED"}]}""".formatted(a, b));
        ok(token("QD-COURT"), r2, "ACCEPT_CASE", "{\"suspects\": [{\"suspectId\": \"%s\"}]}".formatted(a));
        ok(token("QD-COURT"), r2, "RENDER_JUDGMENT", """
                {"suspects": [{"suspectId": "%s", "verdict": "GUILTY", "imprisonmentMonths": 18,
                  "criminalFine": 60000}]}""".formatted(a));
        // c3: declined by the police
        String r3 = referral(c3);
        ok(token("QD-PSB"), r3, "DECLINE", Flow.reason("未达追诉标准"));
        // c6: filed, one arrest approved
        String r6 = referral(c6);
        String c = suspect(r6, "李某", "370202198303033333");
        ok(token("QD-PSB"), r6, "FILE", null);
        ok(token("QD-PSB"), r6, "REQUEST_ARREST", "{\"suspects\": [{\"suspectId\": \"%s\"}]}".formatted(c));
        ok(token("QD-PROC"), r6, "APPROVE_ARREST", "{\"suspects\": [{\"suspectId\": \"%s\"}]}".formatted(c));

        // the city procuratorate reviews the IP office's decision once case-service has announced it
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token("QD-PROC"))
                        .get("/api/v1/penalty-decisions/" + c4)
                        .then()
                        .statusCode(200));
        given().auth()
                .oauth2(token("QD-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"LEAD_RAISED\", \"note\": \"非法经营数额90万元，应移送未移送\"}")
                .post("/api/v1/penalty-decisions/" + c4 + "/reviews")
                .then()
                .statusCode(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> lines = csvLines("QD-PROC", "&region=370200");
            assertThat(lines.get(0)).isEqualTo(COLUMNS);
            assertThat(lines.stream()
                            .filter(l -> l.split(",")[1].equals("370200"))
                            .toList())
                    .containsExactlyElementsOf(EXPECTED);
        });

        // the same figures as JSON, cell by cell
        Map<String, Object> amr = given().auth()
                .oauth2(token("QD-PROC"))
                .get("/api/v1/statistics?year=" + YEAR + "&agency=QD-AMR")
                .then()
                .statusCode(200)
                .body("year", equalTo(YEAR))
                .extract()
                .path("rows[0]");
        String[] names = COLUMNS.split(",");
        String[] cells = EXPECTED.get(0).split(",");
        for (int i = 0; i < names.length; i++) {
            Object v = amr.get(names[i]);
            if (v instanceof Number n) {
                assertThat(new java.math.BigDecimal(n.toString())).as(names[i]).isEqualByComparingTo(cells[i]);
            } else {
                assertThat(v).as(names[i]).isEqualTo(cells[i]);
            }
        }
    }

    @Test
    @Order(2)
    void eachProcuratorateSeesItsRegionAndBeneathAndAnyOtherAgencyOnlyItsOwnRow() {
        assertThat(agencies("QD-PROC", ""))
                .contains("QD-AMR", "QD-PSB", "HD-AMR", "JZ-PSB")
                .noneMatch(a -> a.startsWith("TJ-") || a.startsWith("BH-") || a.startsWith("SD-"));
        assertThat(agencies("SD-PROC", ""))
                .contains("SD-AMR", "QD-AMR", "HD-AMR")
                .noneMatch(a -> a.startsWith("TJ-"));
        assertThat(agencies("TJ-PROC", ""))
                .contains("TJ-AMR", "BH-AMR", "HP-AMR")
                .noneMatch(a -> a.startsWith("QD-") || a.startsWith("HD-") || a.startsWith("SD-"));
        // a district procuratorate: its own district only, whatever it asks for
        assertThat(agencies("BH-PROC", ""))
                .containsExactlyInAnyOrder("BH-AMR", "BH-CULTURE", "BH-PSB", "BH-PROC", "BH-COURT");
        assertThat(agencies("BH-PROC", "&region=120000")).allMatch(a -> a.startsWith("BH-"));
        assertThat(agencies("BH-PROC", "&agency=TJ-AMR")).isEmpty();
        assertThat(agencies("HD-PROC", "&agency=QD-AMR")).isEmpty();
        assertThat(agencies("TJ-PROC", "&region=370200")).isEmpty();
        // an agency reads its own row
        assertThat(agencies("QD-AMR", "")).containsExactly("QD-AMR");
        assertThat(agencies("TJ-PSB", "&agency=TJ-AMR")).isEmpty();
    }

    @Test
    @Order(3)
    void csvIsServedForAcceptTextCsvAndBadParametersAre400NamingTheField() {
        List<String> lines = List.of(given().auth()
                .oauth2(token("QD-AMR"))
                .accept("text/csv")
                .get("/api/v1/statistics?year=" + YEAR)
                .then()
                .statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"statistics-" + YEAR + ".csv\""))
                .extract()
                .asString()
                .split("\r\n"));
        assertThat(lines).containsExactly(COLUMNS, EXPECTED.get(0));
        for (String[] bad : new String[][] {
            {"region=120000", "year"},
            {"year=20x6", "year"},
            {"year=1999", "year"},
            {"year=2026&region=12", "region"},
            {"year=2026&format=xml", "format"}
        }) {
            given().auth()
                    .oauth2(token("QD-PROC"))
                    .get("/api/v1/statistics?" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[1]));
        }
    }

    private static List<String> agencies(String caller, String query) {
        return given().auth()
                .oauth2(token(caller))
                .get("/api/v1/statistics?year=" + YEAR + query)
                .then()
                .statusCode(200)
                .extract()
                .path("rows.agency");
    }
}
