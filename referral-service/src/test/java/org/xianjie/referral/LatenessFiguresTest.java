package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Lateness as an operator and a procurator see it: the Prometheus counter moves by agency type
 * when an act is entered late; the judgement follows the calendar in force for the days it
 * counts, so publishing a year judges its acts again; and a report cannot predate its case.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class LatenessFiguresTest {

    private static final String OPENED = "org.xianjie.case.opened.v1";

    /** The sum of a Prometheus series' samples whose labels include all of {@code labels}. */
    private static double metric(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static String report(UUID caseId, OffsetDateTime occurredAt) {
        return given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "caseTeam": ["张伟", "李娜"], "occurredAt": "%s"}""".formatted(caseId, caseId.toString().substring(0, 6), occurredAt))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aLateEntryMovesTheLatenessCounterOfItsAgencyTypeAndAnEntryInTimeDoesNot() {
        String late = "xianjie_acts_entered_late_total";
        double reportsLate = metric(late, "act=\"REPORT\"", "agencyType=\"ADMINISTRATIVE\"");
        double approvalsLate = metric(late, "act=\"APPROVE\"", "agencyType=\"ADMINISTRATIVE\"");
        double approvalsEntered =
                metric("xianjie_acts_entry_delay_seconds_count", "act=\"APPROVE\"", "agencyType=\"ADMINISTRATIVE\"");
        // Twelve days after the report (no holiday spans that many days): late by any calendar.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String id = report(UUID.randomUUID(), now.minusDays(12));
        ok(token("TJ-AMR", "head"), id, "APPROVE", null);
        assertThat(metric(late, "act=\"REPORT\"", "agencyType=\"ADMINISTRATIVE\""))
                .isEqualTo(reportsLate + 1);
        assertThat(metric("xianjie_acts_entry_delay_seconds_count", "act=\"APPROVE\"", "agencyType=\"ADMINISTRATIVE\""))
                .isEqualTo(approvalsEntered + 1);
        assertThat(metric(late, "act=\"APPROVE\"", "agencyType=\"ADMINISTRATIVE\""))
                .isEqualTo(approvalsLate);
    }

    private static void insertAct(UUID caseId, String occurredAt, String recordedAt) {
        OffsetDateTime occurred = OffsetDateTime.parse(occurredAt);
        OffsetDateTime recorded = OffsetDateTime.parse(recordedAt);
        // As the suite stored it while the year had no calendar: judged by Monday to Friday, late.
        DeadlineShift.pool()
                .preparedQuery("""
                        insert into act_entry (origin, act, agency_code, agency_type, region, case_id, case_number,
                            occurred_at, recorded_at, delay_seconds, entered_late)
                        values ('referral', 'RECEIVE', 'TJ-PSB', 'POLICE', '120000', $1, $2, $3, $4, $5, true)""")
                .execute(Tuple.of(caseId, "津公立〔2033〕" + caseId.toString().substring(0, 4), occurred, recorded)
                        .addLong(Duration.between(occurred, recorded).toSeconds()))
                .await()
                .indefinitely();
    }

    private static Boolean enteredLate(UUID caseId) {
        Response dq = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/data-quality?agency=TJ-PSB&from=2032-12-01&to=2033-11-30");
        dq.then().statusCode(200);
        return dq.path("worst.find { it.caseId == '%s' }.enteredLate".formatted(caseId));
    }

    private static Response publish(String body) {
        return given().auth()
                .oauth2(token("TJ-AMR", "platform-operator"))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/admin/calendar/2033");
    }

    @Test
    void publishingAYearJudgesAgainTheActsWhoseEntryWindowItTouches() {
        // Fri 31 Dec 2032, keyed in Tue 4 Jan 2033: by Monday to Friday the limit ended Mon 3 Jan.
        UUID newYear = UUID.randomUUID();
        insertAct(newYear, "2032-12-31T16:00:00+08:00", "2033-01-04T10:00:00+08:00");
        // Fri 30 Sep 2033, keyed in Tue 4 Oct: by Monday to Friday the limit ended Mon 3 Oct.
        UUID nationalDay = UUID.randomUUID();
        insertAct(nationalDay, "2033-09-30T16:00:00+08:00", "2033-10-04T10:00:00+08:00");
        assertThat(enteredLate(newYear)).isTrue();
        assertThat(enteredLate(nationalDay)).isTrue();

        // The schedule is published: 1–3 January and 1–7 October are rest days, 8 October is worked.
        publish("""
                {"restDays": [{"from": "2033-01-01", "to": "2033-01-03"}, {"from": "2033-10-01", "to": "2033-10-07"}],
                 "makeUpWorkingDays": ["2033-10-08"]}""").then().statusCode(200).body("actsRejudged", equalTo(2));
        // The first working days after the acts were Tue 4 Jan and Sat 8 Oct: both entered in time.
        assertThat(enteredLate(newYear)).isFalse();
        assertThat(enteredLate(nationalDay)).isFalse();

        // Corrected (National Day removed), the October act is late again; the January one stays in time.
        publish("{\"restDays\": [{\"from\": \"2033-01-01\", \"to\": \"2033-01-03\"}], \"makeUpWorkingDays\": []}")
                .then()
                .statusCode(200)
                .body("actsRejudged", equalTo(1));
        assertThat(enteredLate(newYear)).isFalse();
        assertThat(enteredLate(nationalDay)).isTrue();
    }

    @Test
    void aReportStatedBeforeItsCaseWasOpenedIsRefusedNamingTheOpeningAsTheLimit() throws Exception {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime opened = now.minusDays(5);
        CaseEventPublisher.publish(
                caseId, OPENED, now, """
                {"caseId":"%s","agencyCode":"TJ-AMR","caseNumber":"津市监处〔2026〕%s号","category":"TRADEMARK",
                 "region":"120000","title":"销售假冒注册商标的商品案","state":"OPEN",
                 "amounts":{"illegalBusinessVolume":86000,"marks":1},"partyIdentityHashes":[],"evidenceCount":0,
                 "version":1,"occurredAt":"%s","recordedAt":"%s"}""".formatted(caseId, caseId.toString().substring(0, 6), opened, now));
        // Once referral-service knows the opening, it is in the procuratorate's figures.
        String day = opened.toLocalDate().toString();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth()
                        .oauth2(token("TJ-PROC"))
                        .get("/api/v1/data-quality?agency=TJ-AMR&from=" + day + "&to=" + day)
                        .<java.util.List<String>>path("worst.caseId")
                        .contains(caseId.toString()));

        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "caseTeam": ["张伟", "李娜"], "occurredAt": "%s"}""".formatted(caseId, caseId.toString().substring(0, 6), opened.minusHours(1)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurredAt"))
                .body("limit", equalTo(opened.toInstant().toString()))
                .body("detail", org.hamcrest.Matchers.containsString("立案"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals?size=200")
                .then()
                .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId.toString())));
        // Stated after the opening, the report is taken, and its approval limit counts from it.
        OffsetDateTime reported = opened.plusHours(2);
        String id = report(caseId, reported);
        Response r = Flow.get(token("TJ-AMR"), id);
        assertThat(OffsetDateTime.parse(r.path("deadlines.find { it.code == 'APPROVAL' }.countedFrom"))
                        .toInstant())
                .isEqualTo(reported.toInstant());
    }
}
