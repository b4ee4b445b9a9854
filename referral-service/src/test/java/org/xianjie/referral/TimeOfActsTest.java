package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.step;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The time of an act, stated by the agency's system: every limit counts from it, the due instant
 * shown to the parties follows the working calendar from the act (not from the posting), and the
 * record stays honest (no future acts, no acts before the previous one, no silent rewriting of
 * history).
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class TimeOfActsTest {

    private static final String BREACHED = "org.xianjie.referral.deadline-breached.v1";
    /** Acts of 2026 are older than the 30-day backdating window: entered as a correction of history. */
    private static final String CORRECTOR = "history-corrector";

    private static String at(String isoWithOffset) {
        return "{\"occurredAt\": \"" + isoWithOffset + "\"}";
    }

    /** Reports at {@code reported}, approves and sends at the given times: a referral in state SENT. */
    private static String sentAt(UUID caseId, String reported, String approved, String sent) {
        String id = given().auth()
                .oauth2(token("TJ-AMR", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额12万元", "caseTeam": ["张伟", "李娜"],
                         "occurredAt": "%s"}""".formatted(caseId, caseId.toString().substring(0, 6), reported))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ok(token("TJ-AMR", "head", CORRECTOR), id, "APPROVE", at(approved));
        ok(
                token("TJ-AMR", CORRECTOR),
                id,
                "SEND",
                Flow.SEND_ATTACHMENTS.replaceFirst("\\{", "{\"occurredAt\": \"" + sent + "\", "));
        return id;
    }

    /** The due instant of the open (or settled) deadline {@code code}, as the parties see it. */
    private static Instant due(Response referral, String code) {
        String open = referral.path("deadlines.find { it.code == '%s' }.dueAt".formatted(code));
        String value =
                open != null ? open : referral.path("settledDeadlines.find { it.code == '%s' }.dueAt".formatted(code));
        assertThat(value).as("deadline " + code).isNotNull();
        return OffsetDateTime.parse(value).toInstant();
    }

    private static Instant endOfDay(String localDate) {
        return OffsetDateTime.parse(localDate + "T23:59:59.999999+08:00").toInstant();
    }

    @Test
    void receiptBeforeSpringFestivalCountsFromTheReceiptAndEndsAfterTheHolidays() {
        String id = sentAt(
                UUID.randomUUID(),
                "2026-02-09T09:00:00+08:00",
                "2026-02-10T10:00:00+08:00",
                "2026-02-11T09:00:00+08:00");
        // Received Thu 12 Feb 15:00; day 3 is Sun 15 Feb, inside Spring Festival (15–23 Feb): the
        // period ends with Tue 24 Feb, the first working day after it.
        Response r = ok(token("TJ-PSB", CORRECTOR), id, "RECEIVE", at("2026-02-12T15:00:00+08:00"));
        assertThat(due(r, "FILING_DECISION")).isEqualTo(endOfDay("2026-02-24"));
        Response shown = get(token("TJ-AMR"), id);
        assertThat(due(shown, "FILING_DECISION")).isEqualTo(endOfDay("2026-02-24"));
        assertThat(OffsetDateTime.parse(shown.path("deadlines[0].countedFrom")).toInstant())
                .isEqualTo(Instant.parse("2026-02-12T07:00:00Z"));
        shown.then()
                .body("history.find { it.step == 'RECEIVE' }.occurredAt", containsString("2026-02-12T07:00"))
                .body("history.find { it.step == 'RECEIVE' }.enteredLate", equalTo(true));
        // Entered about ten months later: the limit had passed long before, so it is marked.
        shown.then().body("deadlines[0].enteredLate", equalTo(true));
    }

    @Test
    void aLimitEndingOnAMakeUpWorkingDayIsNotShifted() {
        String id = sentAt(
                UUID.randomUUID(),
                "2026-02-24T09:00:00+08:00",
                "2026-02-24T11:00:00+08:00",
                "2026-02-24T16:00:00+08:00");
        // Received Wed 25 Feb; day 3 is Sat 28 Feb, a make-up working day (调休上班): no shift.
        Response r = ok(token("TJ-PSB", CORRECTOR), id, "RECEIVE", at("2026-02-25T10:00:00+08:00"));
        assertThat(due(r, "FILING_DECISION")).isEqualTo(endOfDay("2026-02-28"));
    }

    @Test
    void nationalDayAnd24HourLimitsCountFromTheActs() {
        UUID caseId = UUID.randomUUID();
        String id = given().auth()
                .oauth2(token("TJ-AMR", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "caseTeam": ["张伟", "李娜"], "occurredAt": "2026-09-28T09:00:00+08:00"}""".formatted(caseId, caseId.toString().substring(0, 6)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Approved Wed 30 Sep 10:00: 24 clock hours, holiday or not, end Thu 1 Oct 10:00.
        Response approved = ok(token("TJ-AMR", "head", CORRECTOR), id, "APPROVE", at("2026-09-30T10:00:00+08:00"));
        assertThat(due(approved, "SENDING")).isEqualTo(Instant.parse("2026-10-01T02:00:00Z"));
        ok(
                token("TJ-AMR", CORRECTOR),
                id,
                "SEND",
                Flow.SEND_ATTACHMENTS.replaceFirst("\\{", "{\"occurredAt\": \"2026-09-30T16:00:00+08:00\", "));
        // Received Wed 30 Sep 17:00; day 3 is Sat 3 Oct, inside National Day (1–7 Oct): Thu 8 Oct.
        Response received = ok(token("TJ-PSB", CORRECTOR), id, "RECEIVE", at("2026-09-30T17:00:00+08:00"));
        assertThat(due(received, "FILING_DECISION")).isEqualTo(endOfDay("2026-10-08"));
        // The SENDING limit was settled by the send as it happened (in time), not as it was keyed in.
        received.then().body("history.find { it.step == 'SEND' }.remarks", hasSize(0));
    }

    @Test
    void extensionsCountFromTheReceiptAsItHappened() {
        String id = sentAt(
                UUID.randomUUID(),
                "2026-11-18T09:00:00+08:00",
                "2026-11-18T14:00:00+08:00",
                "2026-11-19T09:00:00+08:00");
        ok(token("TJ-PSB", CORRECTOR), id, "RECEIVE", at("2026-11-20T09:00:00+08:00")); // Fri 20 Nov
        // 10 days from the receipt: Mon 30 Nov.
        Response extended = ok(token("TJ-PSB", CORRECTOR), id, "EXTEND_FILING_REVIEW", at("2026-11-23T10:00:00+08:00"));
        assertThat(due(extended, "FILING_DECISION_EXTENDED")).isEqualTo(endOfDay("2026-11-30"));
        // 30 days from the receipt: Sun 20 Dec, a rest day, so Mon 21 Dec.
        Response major = ok(token("TJ-PSB", CORRECTOR), id, "EXTEND_FILING_REVIEW_MAJOR", """
                {"occurredAt": "2026-11-27T10:00:00+08:00", "attachments": [
                  {"kind": "EXTENSION_APPROVAL", "title": "延长立案审查期限批准书", "sha256": "%s"}]}""".formatted(Flow.SHA));
        assertThat(due(major, "FILING_DECISION_MAJOR")).isEqualTo(endOfDay("2026-12-21"));
    }

    @Test
    void monthLimitEndsOnTheLastDayOfAShorterMonthAndWorkingDayLimitsSkipTheHolidays() {
        UUID caseId = UUID.randomUUID();
        String id = given().auth()
                .oauth2(token("TJ-PROC", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津检刑不诉〔2026〕%s号", "caseTitle": "侵犯著作权案",
                         "category": "COPYRIGHT", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-CULTURE",
                         "reason": "相对不起诉", "occurredAt": "2026-02-12T10:00:00+08:00"}""".formatted(caseId, caseId.toString().substring(0, 4)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // 3 working days after Thu 12 Feb: Fri 13, Sat 14 (make-up day), then Tue 24 after the festival.
        assertThat(due(response(id), "REVERSE_HANDOVER")).isEqualTo(endOfDay("2026-02-24"));
        ok(token("TJ-PROC", CORRECTOR), id, "HAND_OVER_FOR_REVIEW", at("2026-07-20T10:00:00+08:00"));
        // 31 July + 2 months = 30 September (Wednesday, a working day).
        Response sent = ok(
                token("TJ-PROC", CORRECTOR),
                id,
                "SEND_OPINION",
                "{\"note\": \"检察意见书\", " + "\"occurredAt\": \"2026-07-31T10:00:00+08:00\"}");
        assertThat(due(sent, "OPINION_REPLY")).isEqualTo(endOfDay("2026-09-30"));
    }

    /**
     * The 2027 schedule is not yet published (State Council, usually in November): a limit ending in
     * 2027 is counted Monday to Friday and says so to the parties until an operator adds the year.
     */
    @Test
    void aLimitEndingIn2027WithoutAPublishedScheduleCarriesTheVisibleWarning() {
        UUID caseId = UUID.randomUUID();
        String id = given().auth()
                .oauth2(token("TJ-PROC", CORRECTOR))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津检刑不诉〔2026〕%s号", "caseTitle": "侵犯著作权案",
                         "category": "COPYRIGHT", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-CULTURE",
                         "reason": "相对不起诉", "occurredAt": "2026-11-23T10:00:00+08:00"}""".formatted(caseId, caseId.toString().substring(0, 4)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ok(token("TJ-PROC", CORRECTOR), id, "HAND_OVER_FOR_REVIEW", at("2026-11-24T10:00:00+08:00"));
        Response sent = ok(
                token("TJ-PROC", CORRECTOR),
                id,
                "SEND_OPINION",
                "{\"note\": \"检察意见书\", " + "\"occurredAt\": \"2026-11-30T10:00:00+08:00\"}");
        // 30 Nov + 2 months = Sat 30 Jan 2027: by the Monday-to-Friday fallback, Mon 1 Feb.
        assertThat(due(sent, "OPINION_REPLY")).isEqualTo(endOfDay("2027-02-01"));
        assertThat(sent.<List<String>>path("deadlines.find { it.code == 'OPINION_REPLY' }.warnings"))
                .anySatisfy(w -> assertThat(w).contains("2027", "check the deadline by hand"));
    }

    private static Response response(String id) {
        Response r = get(token("TJ-PROC"), id);
        r.then().statusCode(200);
        return r;
    }

    @Test
    void anActStatedBeforeThePreviousOneIsRefusedAndNoDeadlineCountsFromIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String sent = OffsetDateTime.ofInstant(now.minus(Duration.ofHours(5)), ZoneOffset.ofHours(8))
                .toString();
        String id = sentAt(
                UUID.randomUUID(),
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(8)), ZoneOffset.ofHours(8))
                        .toString(),
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(7)), ZoneOffset.ofHours(8))
                        .toString(),
                sent);
        // A receipt said to come before the sending it acknowledges: refused, nothing stored.
        String tooEarly = OffsetDateTime.ofInstant(now.minus(Duration.ofHours(6)), ZoneOffset.ofHours(8))
                .toString();
        step(token("TJ-PSB"), id, "RECEIVE", at(tooEarly))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurredAt"))
                .body("limit", equalTo(OffsetDateTime.parse(sent).toInstant().toString()));
        get(token("TJ-PSB"), id).then().body("state", equalTo("SENT")).body("history", hasSize(3));
        // In order it is accepted, and the filing limit counts from it.
        String receipt = OffsetDateTime.ofInstant(now.minus(Duration.ofHours(4)), ZoneOffset.ofHours(8))
                .toString();
        Response r = ok(token("TJ-PSB"), id, "RECEIVE", at(receipt));
        assertThat(OffsetDateTime.parse(r.path("deadlines[0].countedFrom")).toInstant())
                .isEqualTo(OffsetDateTime.parse(receipt).toInstant());
    }

    @Test
    void futureTimesUnreadableTimesAndUnauthorisedBackdatingAreRefusedNamingTheField() {
        String id = Flow.report(UUID.randomUUID());
        String future =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(10).toString();
        step(token("TJ-AMR", "head"), id, "APPROVE", at(future))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", containsString("future"));
        step(token("TJ-AMR", "head"), id, "APPROVE", at("2026-02-12T15:00:00"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        step(token("TJ-AMR", "head"), id, "APPROVE", "{\"occurredAt\": 12}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        String old = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(31).toString();
        step(token("TJ-AMR", "head"), id, "APPROVE", at(old))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", containsString(CORRECTOR));
        get(token("TJ-AMR"), id).then().body("state", equalTo("REPORTED")).body("history", hasSize(1));
        // A small clock skew is tolerated.
        ok(
                token("TJ-AMR", "head"),
                id,
                "APPROVE",
                at(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(30).toString()));
    }

    @Test
    void aReportWithoutACaseTeamOfTwoIsRefusedNamingCaseTeam() {
        for (String team :
                List.of("", ", \"caseTeam\": []", ", \"caseTeam\": [\"张伟\"]", ", \"caseTeam\": [\"张伟\", \" 张伟 \"]")) {
            UUID caseId = UUID.randomUUID();
            given().auth()
                    .oauth2(token("TJ-AMR"))
                    .contentType(ContentType.JSON)
                    .body(
                            "{\"caseId\": \"%s\", \"caseNumber\": \"1\", \"caseTitle\": \"t\", \"category\": \"TRADEMARK\"%s}"
                                    .formatted(caseId, team))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("caseTeam"));
            given().auth()
                    .oauth2(token("TJ-PROC"))
                    .get("/api/v1/referrals?size=200")
                    .then()
                    .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId.toString())));
        }
    }

    @Test
    void aReceiptEnteredAfterItsFilingLimitPassedIsBreachedOnceMarkedLateAndShownInDataQuality() {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String id = sentAt(
                caseId,
                now.minusDays(12).toString(),
                now.minusDays(11).toString(),
                now.minusDays(11).plusHours(2).toString());
        // The police signed the receipt ten days ago and key it in only now: the 3-day limit has passed.
        String signed = now.minusDays(10).toString();
        ok(token("TJ-PSB"), id, "RECEIVE", at(signed))
                .then()
                .body("deadlines[0].code", equalTo("FILING_DECISION"))
                .body("deadlines[0].enteredLate", equalTo(true))
                .body("deadlines[0].overdue", equalTo(true));
        // (Approval and sending, keyed in after the 24-hour sending limit had passed, breach that one too:
        // this test looks at the filing decision.)
        java.util.function.Predicate<ConsumerRecord<String, String>> filingBreach =
                r -> caseId.toString().equals(r.key())
                        && BREACHED.equals(header(r, "ce_type"))
                        && r.value().contains("\"deadline\":{\"code\":\"FILING_DECISION\"");
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            List<ConsumerRecord<String, String>> breaches = topic.await(filingBreach, 1, Duration.ofSeconds(30));
            assertThat(breaches).hasSize(1);
            assertThat(breaches.get(0).value())
                    .contains(
                            "\"code\":\"FILING_DECISION\"", "\"enteredLate\":true", "\"responsibleAgency\":\"TJ-PSB\"");
            // A later step is the witness: once its event is on the topic, no second breach came before it.
            ok(token("TJ-PSB"), id, "FILE", null);
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key())
                                    && "org.xianjie.referral.file.v1".equals(header(r, "ce_type")),
                            1,
                            Duration.ofSeconds(30)))
                    .hasSize(1);
            assertThat(topic.await(filingBreach, 2, Duration.ZERO)).hasSize(1);
        }
        get(token("TJ-PSB"), id)
                .then()
                .body("settledDeadlines.find { it.code == 'FILING_DECISION' }.enteredLate", equalTo(true))
                .body("history.find { it.step == 'RECEIVE' }.enteredLate", equalTo(true))
                .body("history.find { it.step == 'RECEIVE' }.entryDelay", containsString("PT2"));
        // The procuratorate sees the late receipt in its data-quality view.
        String day = signed.substring(0, 10);
        Response dq = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/data-quality?agency=TJ-PSB&from=" + day + "&to=" + day);
        dq.then().statusCode(200).body("agencies[0].agencyCode", equalTo("TJ-PSB"));
        assertThat(dq.<Integer>path("agencies[0].late")).isGreaterThanOrEqualTo(1);
        assertThat(dq.<List<String>>path("worst.findAll { it.referralId == '%s' }.act".formatted(id)))
                .contains("RECEIVE");
        assertThat(dq.<Boolean>path(
                        "worst.find { it.referralId == '%s' && it.act == 'RECEIVE' }.enteredLate".formatted(id)))
                .isTrue();
        // Others do not see it; bad parameters are named.
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/data-quality")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/data-quality?from=2026-13-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        // And it is a Prometheus figure.
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("xianjie_acts_entered_late_total"))
                .body(containsString("xianjie_acts_entry_delay_seconds"));
    }

    /**
     * Case acts reach referral-service as case events carrying their times: a penalty decision
     * entered three weeks after its decision date shows among the late penalty decisions.
     */
    @Test
    void aPenaltyDecisionEnteredLongAfterItsDateShowsInTheDataQualityView() throws Exception {
        UUID caseId = UUID.randomUUID();
        OffsetDateTime decided =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(21).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime recorded = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String data =
                """
                {"caseId":"%s","agencyCode":"TJ-AMR","caseNumber":"津市监处〔2026〕%s号","category":"TRADEMARK",
                 "region":"120000","title":"销售假冒注册商标的商品案","state":"PENALTY_DECIDED",
                 "amounts":{"illegalBusinessVolume":1000,"marks":1},
                 "penalty":{"decisionNumber":"津市监罚〔2026〕9号","decisionDate":"%s","fine":5000},
                 "partyIdentityHashes":[],"evidenceCount":0,"version":1,"occurredAt":"%s","recordedAt":"%s"}""".formatted(caseId, caseId.toString().substring(0, 4), decided.toLocalDate(), decided, recorded);
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        for (String[] h : new String[][] {
            {"ce_specversion", "1.0"},
            {"ce_id", UUID.randomUUID().toString()},
            {"ce_source", "/xianjie/case-service"},
            {"ce_type", "org.xianjie.case.penalty-decided.v1"},
            {"ce_subject", "cases/" + caseId},
            {"ce_time", recorded.toString()},
            {"content-type", "application/json"}
        }) {
            headers.add(h[0], h[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(java.util.Map.of(
                        "bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                        "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                        "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            "xianjie.case.events", null, caseId.toString(), data, headers))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        String day = decided.toLocalDate().toString();
        String query = "/api/v1/data-quality?agency=TJ-AMR&from=" + day + "&to=" + day;
        Response dq = org.awaitility.Awaitility.await("the late penalty decision of case " + caseId)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> given().auth().oauth2(token("TJ-PROC")).get(query),
                        r -> r.<List<String>>path("latePenaltyDecisions.caseId").contains(caseId.toString()));
        String path = "latePenaltyDecisions.find { it.caseId == '%s' }".formatted(caseId);
        dq.then()
                .statusCode(200)
                .body(path + ".act", equalTo("penalty-decided"))
                .body(path + ".decisionDate", equalTo(day))
                .body(path + ".daysAfterDecision", equalTo(21))
                .body(path + ".enteredLate", equalTo(true));
    }
}
