package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.referral.service.sharing.SharingDeadlineWorker;

/** Information sharing between agencies over the real broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class SharingFlowTest {

    private static final String TOPIC = "xianjie.referral.events";
    private static final String BREACHED = "org.xianjie.sharing.deadline-breached.v1";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    SharingDeadlineWorker worker;

    @Test
    void aMajorCaseBulletinReachesExactlyTheAgenciesOfItsOwnAndTheLevelAbove() {
        UUID caseId = UUID.randomUUID();
        Flow.report("BH-AMR", caseId);
        String id = post("BH-AMR", "/api/v1/bulletins", """
                {"caseId": "%s", "title": "滨海新区特大假冒注册商标案", "summary": "涉案商品价值约80万元", "amount": 800000}""".formatted(caseId))
                .then()
                .statusCode(201)
                .body("kind", equalTo("BULLETIN"))
                .body("content.basis", equalTo("RULE"))
                .body("content.grounds", equalTo("TRADEMARK: 800000 ≥ 500000"))
                .body("addressees.agency", containsInAnyOrder("BH-PSB", "BH-PROC", "BH-CULTURE", "TJ-PSB", "TJ-PROC"))
                .extract()
                .path("id");

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> issued = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && "org.xianjie.sharing.bulletin-issued.v1".equals(header(r, "ce_type")),
                    1,
                    WAIT);
            assertThat(issued.get(0).value())
                    .contains("\"itemId\":\"" + id + "\"", "\"sender\":\"BH-AMR\"", "\"TJ-PROC\"", "\"BH-CULTURE\"")
                    .doesNotContain("HP-", "QD-", "TJ-AMR");
            EventSchemaCheck.assertConforms(issued);
        }

        post("TJ-PSB", "/api/v1/bulletins/" + id + "/read", "{}").then().statusCode(200);
        post("TJ-PSB", "/api/v1/bulletins/" + id + "/follow-ups", "{\"text\": \"已指派经侦总队跟进\"}")
                .then()
                .statusCode(200);
        get("BH-AMR", "/api/v1/bulletins/" + id)
                .then()
                .statusCode(200)
                .body("addressees.find { it.agency == 'TJ-PSB' }.state", equalTo("READ"))
                .body("addressees.find { it.agency == 'TJ-PSB' }.readAt", notNullValue())
                .body("addressees.find { it.agency == 'BH-PSB' }.readAt", nullValue())
                .body("history.act", contains("CREATED", "READ", "FOLLOW_UP"));
        for (String outsider : List.of("HP-PSB", "TJ-AMR", "QD-PSB")) {
            get(outsider, "/api/v1/bulletins/" + id).then().statusCode(404);
            post(outsider, "/api/v1/bulletins/" + id + "/read", "{}").then().statusCode(404);
        }
        get("BH-PROC", "/api/v1/bulletins").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aCaseBelowTheThresholdIsMajorOnlyByADecisionWithReasonsAndOnlyItsPartiesMayMarkIt() {
        UUID caseId = UUID.randomUUID();
        Flow.report("BH-AMR", caseId);
        post("BH-AMR", "/api/v1/bulletins", """
                {"caseId": "%s", "title": "假冒商标案", "amount": 1000}""".formatted(caseId))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("decision"));
        post("BH-AMR", "/api/v1/bulletins", """
                {"caseId": "%s", "title": "假冒商标案", "amount": 1000, "decision": "涉及驰名商标，社会影响大"}""".formatted(caseId))
                .then()
                .statusCode(201)
                .body("content.basis", equalTo("DECISION"));
        post("HP-AMR", "/api/v1/bulletins", """
                {"caseId": "%s", "title": "假冒商标案", "decision": "x"}""".formatted(caseId)).then().statusCode(404);
    }

    @Test
    void aTianjinClueReachesQingdaoPoliceWhoAcceptItAndOpenACaseLinkedToIt() {
        Response sent = post("TJ-CUSTOMS", "/api/v1/clues", """
                {"title": "出口假冒运动鞋线索", "what": "查获一批涉嫌侵犯注册商标专用权的货物，收货人在青岛",
                 "who": ["青岛某贸易有限公司"], "where": "青岛市黄岛区某物流园",
                 "evidence": [{"title": "查验记录", "sha256": "%s"}], "to": ["QD-PSB"]}""".formatted(Flow.SHA));
        sent.then()
                .statusCode(201)
                .body("addressees.agency", contains("QD-PSB"))
                .body("content.evidence[0].sha256", equalTo(Flow.SHA))
                .body("deadlines[0].code", equalTo("CLUE_REPLY"))
                .body("deadlines[0].responsibleAgency", equalTo("QD-PSB"));
        String id = sent.path("id");
        // 7 calendar days, the start day not counted, to the end of a local day (shifted past rest days).
        OffsetDateTime due = OffsetDateTime.parse(sent.path("deadlines[0].dueAt"));
        assertThat(due).isAfter(OffsetDateTime.now().plusDays(7).minusHours(1));
        assertThat(due.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                        .toLocalTime()
                        .getHour())
                .isEqualTo(23);

        get("QD-PROC", "/api/v1/clues/" + id).then().statusCode(404);
        post("QD-PROC", "/api/v1/clues/" + id + "/accept", "{}").then().statusCode(404);
        post("TJ-CUSTOMS", "/api/v1/clues/" + id + "/accept", "{}").then().statusCode(403);

        post("QD-PSB", "/api/v1/clues/" + id + "/accept", "{\"text\": \"经侦支队接收核查\"}")
                .then()
                .statusCode(200)
                .body("addressees[0].state", equalTo("ACCEPTED"))
                .body("deadlines[0].closedAt", notNullValue());
        UUID caseId = UUID.randomUUID();
        post("QD-PSB", "/api/v1/clues/" + id + "/open-case", """
                {"caseId": "%s", "caseNumber": "青公经立字〔2026〕18号"}""".formatted(caseId))
                .then()
                .statusCode(200);
        get("TJ-CUSTOMS", "/api/v1/clues/" + id)
                .then()
                .statusCode(200)
                .body("linkedCaseId", equalTo(caseId.toString()))
                .body("addressees[0].state", equalTo("CASE_OPENED"))
                .body("deadlines[0].breachedAt", nullValue());
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> opened = topic.await(
                    r -> id.equals(r.key()) && "org.xianjie.sharing.clue-case-opened.v1".equals(header(r, "ce_type")),
                    1,
                    WAIT);
            assertThat(opened.get(0).value())
                    .contains("\"linkedCaseId\":\"" + caseId + "\"", "\"itemId\":\"" + id + "\"");
            EventSchemaCheck.assertConforms(opened);
        }
        post("QD-PSB", "/api/v1/clues/" + id + "/decline", "{\"text\": \"x\"}")
                .then()
                .statusCode(409);
    }

    @Test
    void aClueToAnAgencyTypeInARegionIsForwardedAndAnUnansweredReplyLimitBreachesOnce() {
        OffsetDateTime tenDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        String id = post("TJ-IPO", "/api/v1/clues", """
                {"title": "专利侵权线索", "what": "网店销售假冒专利产品", "toType": "POLICE", "toRegion": "370200",
                 "occurredAt": "%s"}""".formatted(tenDaysAgo))
                .then()
                .statusCode(201)
                .body("addressees.agency", contains("QD-PSB"))
                .extract()
                .path("id");
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), TOPIC)) {
            assertThat(topic.await(r -> id.equals(r.key()) && BREACHED.equals(header(r, "ce_type")), 1, WAIT))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value())
                            .contains(
                                    "\"code\":\"CLUE_REPLY\"", "\"responsibleAgency\":\"QD-PSB\"", "\"overdue\":true"));
            // The clue sent and its breach, as they travelled.
            EventSchemaCheck.assertConforms(topic.await(
                    r -> id.equals(r.key()) && header(r, "ce_type").startsWith("org.xianjie.sharing."), 2, WAIT));
            worker.runOnce().await().atMost(WAIT);
            get("TJ-IPO", "/api/v1/clues/" + id)
                    .then()
                    .body("deadlines[0].breachedAt", notNullValue())
                    .body("deadlines[0].overdue", equalTo(true));

            post("QD-PSB", "/api/v1/clues/" + id + "/forward", "{\"to\": \"HD-PSB\", \"reason\": \"属黄岛分局管辖\"}")
                    .then()
                    .statusCode(200)
                    .body("addressees.find { it.agency == 'HD-PSB' }.forwardedFrom", equalTo("QD-PSB"))
                    .body("deadlines.find { it.responsibleAgency == 'HD-PSB' }.closedAt", nullValue());
            // The forward is the witness: once it has arrived, so has every earlier event of the clue.
            assertThat(topic.await(
                            r -> id.equals(r.key()) && SharingEventTypes.CLUE_FORWARDED.equals(header(r, "ce_type")),
                            1,
                            WAIT))
                    .hasSize(1);
            assertThat(topic.await(
                            r -> id.equals(r.key())
                                    && BREACHED.equals(header(r, "ce_type"))
                                    && r.value().contains("\"responsibleAgency\":\"QD-PSB\""),
                            2,
                            Duration.ZERO))
                    .as("QD-PSB's missed reply limit breached once")
                    .hasSize(1);
        }
        get("HD-PSB", "/api/v1/clues/" + id).then().statusCode(200);
        post("QD-PSB", "/api/v1/clues", "{\"title\": \"t\", \"what\": \"w\", \"to\": [\"NOPE\"]}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("to[0]"));
    }

    @Test
    void aConsultationIsAnsweredWithinItsLimitByThePoliceAskedAndNoOneElseSeesIt() {
        post("TJ-AMR", "/api/v1/consultations", """
                {"to": "TJ-IPO", "title": "t", "question": "q"}""").then().statusCode(400).body("errors.field", hasItem("to"));
        Response asked = post("TJ-AMR", "/api/v1/consultations", """
                {"to": "TJ-PSB", "caseNumber": "津市监处〔2026〕12号", "title": "销售侵权复制品案是否达到追诉标准",
                 "question": "当事人销售侵权光盘约800张，违法所得尚在核实，是否宜先行移送？"}""");
        asked.then()
                .statusCode(201)
                .body("deadlines[0].code", equalTo("CONSULTATION_ANSWER"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-PSB"));
        String id = asked.path("id");
        assertThat(OffsetDateTime.parse(asked.path("deadlines[0].dueAt")))
                .isAfter(OffsetDateTime.now().plusDays(7).minusHours(1));
        get("TJ-PROC", "/api/v1/consultations/" + id).then().statusCode(404);
        post("TJ-PSB", "/api/v1/consultations/" + id + "/answer", "{\"text\": \"已达追诉标准，建议移送\"}")
                .then()
                .statusCode(200)
                .body("state", equalTo("ANSWERED"))
                .body("addressees[0].reply", equalTo("已达追诉标准，建议移送"))
                .body("deadlines[0].closedAt", notNullValue());
        post("TJ-PSB", "/api/v1/consultations/" + id + "/answer", "{\"text\": \"again\"}")
                .then()
                .statusCode(409);
    }

    @Test
    void theProcuratorateIntervenesEarlyOnlyInAFiledCaseAndThePoliceAnswerWithinTheLimit() {
        UUID caseId = UUID.randomUUID();
        String referral = Flow.received(caseId);
        String body = "{\"referralId\": \"%s\", \"purpose\": \"引导固定销售数额证据\"}".formatted(referral);
        post("TJ-PROC", "/api/v1/early-interventions", body).then().statusCode(409);
        ok(token("TJ-PSB"), referral, "FILE", "{\"note\": \"立案决定书\"}");
        post("BH-PROC", "/api/v1/early-interventions", body).then().statusCode(404);
        post("TJ-AMR", "/api/v1/early-interventions", body).then().statusCode(403);
        Response started = post("TJ-PROC", "/api/v1/early-interventions", body);
        started.then()
                .statusCode(201)
                .body("caseId", equalTo(caseId.toString()))
                .body("referralId", equalTo(referral))
                .body("addressees.agency", contains("TJ-PSB"))
                .body("deadlines[0].code", equalTo("EARLY_INTERVENTION_ANSWER"));
        String id = started.path("id");
        assertThat(OffsetDateTime.parse(started.path("deadlines[0].dueAt")))
                .isAfter(OffsetDateTime.now().plusDays(3).minusHours(1));
        post("TJ-PSB", "/api/v1/early-interventions/" + id + "/guidance", "{\"text\": \"x\"}")
                .then()
                .statusCode(403);
        post("TJ-PSB", "/api/v1/early-interventions/" + id + "/answer", "{\"text\": \"已调取銷售账册\"}")
                .then()
                .statusCode(200)
                .body("deadlines[0].closedAt", notNullValue());
        post("TJ-PROC", "/api/v1/early-interventions/" + id + "/guidance", "{\"text\": \"补充鉴定意见\"}")
                .then()
                .statusCode(200)
                .body("history.act", contains("CREATED", "ANSWER", "GUIDANCE"));
        get("TJ-AMR", "/api/v1/early-interventions/" + id).then().statusCode(404);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), TOPIC)) {
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key())
                                    && "org.xianjie.sharing.early-intervention-guidance.v1"
                                            .equals(header(r, "ce_type")),
                            1,
                            WAIT))
                    .hasSize(1);
        }
    }

    @Test
    void aMissedMeetingTaskBreachesOnceAndADoneTaskNever() {
        OffsetDateTime held = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6);
        String id = post("TJ-PROC", "/api/v1/meetings", """
                {"title": "行刑衔接联席会议", "region": "120000", "participants": ["TJ-PSB", "TJ-AMR"],
                 "agendaItems": ["通报重大案件"], "occurredAt": "%s"}""".formatted(held))
                .then()
                .statusCode(201)
                .body("addressees.agency", containsInAnyOrder("TJ-PSB", "TJ-AMR"))
                .extract()
                .path("id");
        get("HP-PSB", "/api/v1/meetings/" + id).then().statusCode(404);
        post("TJ-PSB", "/api/v1/meetings/" + id + "/minutes", "{\"minutes\": \"m\"}")
                .then()
                .statusCode(403);
        LocalDate meetingDay =
                held.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        Response minuted = post("TJ-PROC", "/api/v1/meetings/" + id + "/minutes", """
                {"minutes": "与会单位通报了案件进展", "decisions": ["建立会商机制"], "occurredAt": "%s",
                 "tasks": [{"assignee": "TJ-PSB", "description": "反馈侦查进展", "dueOn": "%s"},
                           {"assignee": "TJ-AMR", "description": "移交检验报告", "dueOn": "%s"}]}""".formatted(
                        held.plusHours(1), meetingDay.plusDays(2), meetingDay.plusDays(30)));
        minuted.then()
                .statusCode(200)
                .body("state", equalTo("MINUTED"))
                .body("content.decisions", contains("建立会商机制"))
                .body("tasks.assignee", containsInAnyOrder("TJ-PSB", "TJ-AMR"));
        String amrTask = minuted.path("tasks.find { it.assignee == 'TJ-AMR' }.id");
        String psbTask = minuted.path("tasks.find { it.assignee == 'TJ-PSB' }.id");
        post("TJ-AMR", "/api/v1/meetings/" + id + "/tasks/" + amrTask + "/done", "{\"text\": \"已移交\"}")
                .then()
                .statusCode(200);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> breaches =
                    topic.await(r -> id.equals(r.key()) && BREACHED.equals(header(r, "ce_type")), 1, WAIT);
            assertThat(breaches.get(0).value())
                    .contains("\"code\":\"MEETING_TASK\"", "\"responsibleAgency\":\"TJ-PSB\"");
            worker.runOnce().await().atMost(WAIT);
            // TJ-PSB's late report closes its task; that event is the witness that every earlier event of
            // the meeting has arrived.
            post("TJ-PSB", "/api/v1/meetings/" + id + "/tasks/" + psbTask + "/done", "{\"text\": \"已反馈\"}")
                    .then()
                    .statusCode(200);
            assertThat(topic.await(
                            r -> id.equals(r.key())
                                    && SharingEventTypes.MEETING_TASK_DONE.equals(header(r, "ce_type"))
                                    && r.value().contains("\"" + psbTask + "\""),
                            1,
                            WAIT))
                    .hasSize(1);
            assertThat(topic.await(r -> id.equals(r.key()) && BREACHED.equals(header(r, "ce_type")), 2, Duration.ZERO))
                    .hasSize(1);
        }
        get("TJ-AMR", "/api/v1/meetings/" + id)
                .then()
                .statusCode(200)
                .body("deadlines.find { it.responsibleAgency == 'TJ-PSB' }.breachedAt", notNullValue())
                .body("deadlines.find { it.responsibleAgency == 'TJ-AMR' }.breachedAt", nullValue())
                .body("deadlines.find { it.responsibleAgency == 'TJ-AMR' }.closedAt", notNullValue());
    }

    private static Response post(String agency, String path, String body) {
        return given().auth()
                .oauth2(token(agency))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    private static Response get(String agency, String path) {
        return given().auth().oauth2(token(agency)).get(path);
    }
}
