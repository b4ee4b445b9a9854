package org.xianjie.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Services;

/**
 * The time of an act across the packaged services: a case opened by a posted CloudEvent with its
 * {@code time} (entered ten months later, by the role that may correct history) reaches
 * referral-service in the case event; a report cannot precede that opening, and the limits the
 * report and approval open count from the acts as they happened, across Spring Festival, with the
 * same due instants in referral-service's view and in notification-service's timeline.
 */
class TimeOfActsEndToEndTest {

    private static final String CORRECTOR = "history-corrector";

    private static Instant endOfDay(String localDate) {
        return OffsetDateTime.parse(localDate + "T23:59:59.999999+08:00").toInstant();
    }

    private static Response report(String caseId, String number, String occurredAt) {
        return given().baseUri(RunningSuite.get().url(Services.REFERRAL))
                .auth()
                .oauth2(RunningSuite.token("TJ-AMR", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "%s", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "caseTeam": ["张伟", "李娜"], "occurredAt": "%s"}""".formatted(caseId, number, occurredAt))
                .post("/api/v1/referrals");
    }

    private static Instant due(Response r, String list, String code) {
        String value = r.path("%s.find { it.code == '%s' }.dueAt".formatted(list, code));
        assertThat(value).as(code + " in " + list).isNotNull();
        return OffsetDateTime.parse(value).toInstant();
    }

    @Test
    void aCaseOpenedByAPostedCloudEventBoundsItsReportAndTheLimitsCountFromTheActs() {
        String number = Api.caseNumber();
        String opened = "2026-02-05T10:00:00+08:00";
        String caseId = given().baseUri(RunningSuite.get().url(Services.CASE))
                .auth()
                .oauth2(RunningSuite.token("TJ-AMR", CORRECTOR))
                .contentType("application/cloudevents+json; charset=UTF-8")
                .body("""
                        {"specversion": "1.0", "id": "e2e-%s", "source": "/agencies/TJ-AMR",
                         "type": "org.xianjie.case.opened.v1", "subject": "%s", "time": "%s",
                         "data": {"caseNumber": "%s", "category": "TRADEMARK", "title": "销售假冒注册商标的商品",
                                  "openedOn": "2026-02-05",
                                  "amounts": {"illegalBusinessVolume": 86000.00, "marks": 1}}}""".formatted(UUID.randomUUID(), number, opened, number))
                .post("/api/v1/events")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // referral-service learns of the opening from the case event (it counts in the procuratorate's figures).
        Api.await(
                "referral-service knows the opening of " + caseId,
                Duration.ofSeconds(60),
                () -> given().baseUri(RunningSuite.get().url(Services.REFERRAL))
                        .auth()
                        .oauth2(RunningSuite.token("TJ-PROC"))
                        .get("/api/v1/data-quality?agency=TJ-AMR&from=2026-02-05&to=2026-02-05")
                        .<List<String>>path("worst.caseId")
                        .contains(caseId));

        report(caseId, number, "2026-02-05T09:00:00+08:00")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurredAt"))
                .body("limit", equalTo(OffsetDateTime.parse(opened).toInstant().toString()));

        // Reported Thu 12 Feb: day 3 (Sun 15 Feb) is in Spring Festival (15-23 Feb), so Tue 24 Feb.
        String id = report(caseId, number, "2026-02-12T09:00:00+08:00")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Approved Fri 13 Feb 10:00: 24 clock hours, Sat 14 Feb 10:00 whatever the calendar.
        Response approved = Api.as(Services.REFERRAL, "TJ-AMR", "head", CORRECTOR)
                .body("{\"occurredAt\": \"2026-02-13T10:00:00+08:00\"}")
                .post("/api/v1/referrals/" + id + "/steps/APPROVE");
        approved.then().statusCode(200);
        assertThat(due(approved, "settledDeadlines", "APPROVAL")).isEqualTo(endOfDay("2026-02-24"));
        assertThat(due(approved, "deadlines", "SENDING")).isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));

        // The same due instant reaches the parties through notification-service's timeline.
        Api.await(
                "the timeline shows the SENDING limit",
                Duration.ofSeconds(60),
                () -> given().baseUri(RunningSuite.get().url(Services.NOTIFICATION))
                                        .auth()
                                        .oauth2(RunningSuite.token("TJ-AMR"))
                                        .get("/api/v1/referrals/" + id + "/timeline")
                                        .path("deadlines.code")
                                instanceof List<?> codes
                        && codes.contains("SENDING"));
        Response timeline = given().baseUri(RunningSuite.get().url(Services.NOTIFICATION))
                .auth()
                .oauth2(RunningSuite.token("TJ-AMR"))
                .get("/api/v1/referrals/" + id + "/timeline");
        assertThat(due(timeline, "deadlines", "SENDING")).isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
    }
}
