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
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The year's figures per month ({@code by=month}), from records of Qingdao Customs entered as
 * corrections of last year's history: each act counts in the month (Asia/Shanghai) of the date its
 * figure names, a referral or case counted once a year counts in the month of its first act, and
 * every row of the year equals the sum of its twelve months.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class YearFiguresByMonthTest {

    /** Last year: every act of it is in the past, whatever today's date. */
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    static final String CORRECTOR = "history-corrector";

    static final String[] FIGURES =
            YearFiguresTest.COLUMNS.substring("agency,region,".length()).split(",");

    private static String at(String monthDayTime) {
        return YEAR + "-" + monthDayTime + "+08:00";
    }

    private static void caseEvent(UUID caseId, String act, String state, int version, String occurredAt, String penalty)
            throws Exception {
        CaseEvents.publish(caseId, act, """
                {"caseId":"%s","agencyCode":"QD-CUSTOMS","caseNumber":"青关%s","category":"TRADEMARK","region":"370200",
                 "title":"出口侵犯注册商标专用权货物案","state":"%s","amounts":{"illegalBusinessVolume":%d,"marks":1},
                 %s "partyIdentityHashes":[],"evidenceCount":1,"version":%d,"occurredAt":"%s","recordedAt":"%s"}""".formatted(
                        caseId,
                        caseId.toString().substring(0, 6),
                        state,
                        1000,
                        penalty == null ? "" : "\"penalty\":" + penalty + ",",
                        version,
                        occurredAt,
                        occurredAt));
    }

    private static String step(String occurredAt, String body) {
        String time = "\"occurredAt\": \"" + occurredAt + "\"";
        return body == null ? "{" + time + "}" : body.replaceFirst("\\{", "{" + time + ", ");
    }

    private static String suspect(String referral, String name, String number) {
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

    private static void review(UUID caseId, String occurredAt) {
        given().auth()
                .oauth2(token("QD-PROC"))
                .contentType(ContentType.JSON)
                .body("""
                        {"outcome": "NO_ISSUE", "note": "处罚适当", "occurredAt": "%s"}""".formatted(occurredAt))
                .post("/api/v1/penalty-decisions/" + caseId + "/reviews")
                .then()
                .statusCode(201);
    }

    private static JsonPath figures(String query) {
        return given().auth()
                .oauth2(token("QD-PROC"))
                .get("/api/v1/statistics?year=" + YEAR + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void eachActCountsInTheMonthOfItsDateAndTheMonthsAddUpToTheYear() throws Exception {
        UUID penalised = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        caseEvent(penalised, "opened", "OPEN", 1, at("01-15T10:00:00"), null);
        String penalty = """
                {"decisionNumber":"青关缉违字〔%d〕7号","decisionDate":"%d-02-10","fine":4000,"confiscation":600}""".formatted(YEAR, YEAR);
        caseEvent(penalised, "penalty-decided", "PENALTY_DECIDED", 2, at("02-10T11:00:00"), penalty);
        caseEvent(penalised, "closed", "CLOSED", 3, at("02-20T16:00:00"), penalty);
        // 00:30 on 1 April in Qingdao is still 31 March in UTC: it counts in April
        caseEvent(referred, "opened", "OPEN", 1, at("04-01T00:30:00"), null);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token("QD-PROC"))
                        .get("/api/v1/penalty-decisions/" + penalised)
                        .then()
                        .statusCode(200));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(figures("&agency=QD-CUSTOMS").getInt("rows[0].adminCasesFiled"))
                        .isEqualTo(2));

        String referral = given().auth()
                .oauth2(token("QD-CUSTOMS", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "青关%s", "caseTitle": "出口侵犯注册商标专用权货物案",
                         "category": "TRADEMARK", "reason": "非法经营数额超过追诉标准", "caseTeam": ["王磊", "赵静"],
                         "occurredAt": "%s"}""".formatted(referred, referred.toString().substring(0, 6), at("04-02T09:00:00")))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ok(token("QD-CUSTOMS", "head", CORRECTOR), referral, "APPROVE", step(at("04-02T15:00:00"), null));
        ok(token("QD-CUSTOMS", CORRECTOR), referral, "SEND", step(at("04-03T09:00:00"), Flow.SEND_ATTACHMENTS));
        ok(token("QD-PSB", CORRECTOR), referral, "RECEIVE", step(at("04-03T14:00:00"), null));
        String a = suspect(referral, "周某", "370202198404044444");
        String b = suspect(referral, "吴某", "370202198505055555");
        ok(token("QD-PSB", CORRECTOR), referral, "FILE", step(at("05-06T10:00:00"), null));
        String both = """
                {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s"}]}""".formatted(a, b);
        ok(token("QD-PSB", CORRECTOR), referral, "REQUEST_ARREST", step(at("05-10T10:00:00"), both));
        ok(token("QD-PROC", CORRECTOR), referral, "APPROVE_ARREST", step(at("05-31T23:30:00"), both));
        ok(token("QD-PSB", CORRECTOR), referral, "TRANSFER_FOR_PROSECUTION", step(at("07-01T10:00:00"), null));
        ok(token("QD-PROC", CORRECTOR), referral, "PROSECUTE", step(at("08-03T10:00:00"), """
                        {"suspects": [{"suspectId": "%s"}, {"suspectId": "%s", "decision": "NOT_PROSECUTED"}]}""".formatted(a, b)));
        // the same decision reviewed twice: one case reviewed, in the month of the first review
        review(penalised, at("03-05T10:00:00"));
        review(penalised, at("06-05T10:00:00"));

        JsonPath byMonth = figures("&agency=QD-CUSTOMS&by=month");
        Map<String, Object> row = byMonth.getMap("rows[0]");
        List<Map<String, Object>> months = byMonth.getList("rows[0].months");
        assertThat(months)
                .extracting(m -> m.get("month"))
                .containsExactly(
                        YEAR + "-01",
                        YEAR + "-02",
                        YEAR + "-03",
                        YEAR + "-04",
                        YEAR + "-05",
                        YEAR + "-06",
                        YEAR + "-07",
                        YEAR + "-08",
                        YEAR + "-09",
                        YEAR + "-10",
                        YEAR + "-11",
                        YEAR + "-12");
        assertThat(nonZero(months, "adminCasesFiled")).isEqualTo(Map.of(1, "1", 4, "1"));
        assertThat(nonZero(months, "caseValue")).isEqualTo(Map.of(1, "1000", 4, "1000"));
        assertThat(nonZero(months, "adminCasesClosed")).isEqualTo(Map.of(2, "1"));
        assertThat(nonZero(months, "fines")).isEqualTo(Map.of(2, "4000"));
        assertThat(nonZero(months, "confiscations")).isEqualTo(Map.of(2, "600"));
        assertThat(nonZero(months, "penaltyDecisionsReviewed")).isEqualTo(Map.of(3, "1"));
        assertThat(nonZero(months, "referralsSent")).isEqualTo(Map.of(4, "1"));
        assertThat(nonZero(months, "policeFiled")).isEqualTo(Map.of(5, "1"));
        // 23:30 on 31 May in Qingdao: May, although it is 15:30 UTC
        assertThat(nonZero(months, "arrestsApprovedCases")).isEqualTo(Map.of(5, "1"));
        assertThat(nonZero(months, "arrestsApprovedPersons")).isEqualTo(Map.of(5, "2"));
        assertThat(nonZero(months, "prosecutedCases")).isEqualTo(Map.of(8, "1"));
        assertThat(nonZero(months, "prosecutedPersons")).isEqualTo(Map.of(8, "1"));
        assertThat(row.get("penaltyDecisionsReviewed")).isEqualTo(1);
        assertThat(row.get("referralsSent")).isEqualTo(1);

        // Every agency's year row, asked without by=month, equals the sum of its months. Deadlines of
        // these late entries may still be marked breached meanwhile, so both are read until they agree.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath year = figures("&region=370200");
            JsonPath monthly = figures("&region=370200&by=month");
            List<Map<String, Object>> yearRows = year.getList("rows");
            List<Map<String, Object>> monthRows = monthly.getList("rows");
            assertThat(monthRows)
                    .extracting(r -> r.get("agency"))
                    .isEqualTo(yearRows.stream().map(r -> r.get("agency")).toList());
            assertThat(yearRows).noneMatch(r -> r.containsKey("months"));
            for (int i = 0; i < yearRows.size(); i++) {
                Map<String, Object> y = yearRows.get(i);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> ms =
                        (List<Map<String, Object>>) monthRows.get(i).get("months");
                assertThat(ms).hasSize(12);
                for (String f : FIGURES) {
                    BigDecimal sum = ms.stream().map(m -> number(m.get(f))).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(sum).as(y.get("agency") + " " + f).isEqualByComparingTo(number(y.get(f)));
                    assertThat(number(monthRows.get(i).get(f)))
                            .as(y.get("agency") + " " + f)
                            .isEqualByComparingTo(number(y.get(f)));
                }
            }
            assertThat(yearRows).anySatisfy(r -> {
                assertThat(r.get("agency")).isEqualTo("QD-CUSTOMS");
                assertThat(r.get("policeFiled")).isEqualTo(1);
            });
        });

        // CSV: one line per agency and month, the same cells
        String csv = given().auth()
                .oauth2(token("QD-PROC"))
                .get("/api/v1/statistics?year=" + YEAR + "&agency=QD-CUSTOMS&by=month&format=csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"statistics-" + YEAR + "-by-month.csv\""))
                .extract()
                .asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo(YearFiguresTest.COLUMNS.replace("region,", "region,month,"));
        // (deadlinesBreached, the last cell, also counts the agency's own late hand-over of seized items)
        assertThat(lines.get(5))
                .startsWith("QD-CUSTOMS,370200," + YEAR + "-05,0,0,0.00,0.00,0.00,0,1,0,1,2,0,0,0,0,0,0,");
        assertThat(lines.get(2)).startsWith("QD-CUSTOMS,370200," + YEAR + "-02,0,1,0.00,4000.00,600.00,");
    }

    @Test
    void anUnknownBreakdownIsA400NamingBy() {
        given().auth()
                .oauth2(token("QD-PROC"))
                .get("/api/v1/statistics?year=" + YEAR + "&by=week")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("by"));
    }

    /** The months (1–12) where {@code figure} is not zero, with its value as a plain string. */
    private static Map<Integer, String> nonZero(List<Map<String, Object>> months, String figure) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal v = number(months.get(i).get(figure));
            if (v.signum() != 0) {
                out.put(i + 1, v.stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    private static BigDecimal number(Object v) {
        return new BigDecimal(String.valueOf(v));
    }
}
