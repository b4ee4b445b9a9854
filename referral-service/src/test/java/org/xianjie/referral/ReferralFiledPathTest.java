package org.xianjie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralFiledPathTest {

    @Test
    void reportedReferralIsApprovedSentReceivedAndFiledWithEveryStepPublishedKeyedByCaseId() throws Exception {
        UUID caseId = UUID.randomUUID();
        String id = Flow.report(caseId);
        get(token("TJ-AMR", "head"), id)
                .then()
                .statusCode(200)
                .body("state", equalTo("REPORTED"))
                .body("parties.agency", equalTo("TJ-AMR"))
                .body("parties.police", equalTo("TJ-PSB"))
                .body("parties.procuratorate", equalTo("TJ-PROC"))
                .body("caseTeam", contains("张伟", "李娜"))
                .body("allowedSteps", hasItem("APPROVE"))
                .body("deadlines.code", contains("APPROVAL"))
                .body("deadlines[0].dueAt", notNullValue())
                .body("deadlines[0].overdue", equalTo(false));

        ok(token("TJ-AMR", "head"), id, "APPROVE", null)
                .then()
                .body("state", equalTo("APPROVED"))
                .body("deadlines.code", contains("SENDING"));
        ok(token("TJ-AMR"), id, "SEND", Flow.SEND_ATTACHMENTS)
                .then()
                .body("state", equalTo("SENT"))
                .body("history[2].attachments", hasSize(4));
        String dueAt = ok(token("TJ-PSB"), id, "RECEIVE", null)
                .then()
                .body("state", equalTo("RECEIVED"))
                .body("deadlines.code", contains("FILING_DECISION"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-PSB"))
                .extract()
                .path("deadlines[0].dueAt");
        // 3 days from acceptance, the start day not counted, ending at the end of a local day (art. 8).
        OffsetDateTime due = OffsetDateTime.parse(dueAt);
        assertThat(due).isAfter(OffsetDateTime.now().plusDays(3).minusHours(1));
        assertThat(due.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalTime()
                        .getHour())
                .isEqualTo(23);

        ok(token("TJ-PSB"), id, "FILE", "{\"note\": \"立案决定书 津公经立字〔2026〕8号\"}")
                .then()
                .body("state", equalTo("FILED"))
                .body("deadlines.code", contains("SEIZED_ITEMS_HANDOVER"))
                .body("settledDeadlines.closedBy", hasItem("FILE"));
        ok(token("TJ-AMR"), id, "HAND_OVER_SEIZED_ITEMS", null)
                .then()
                .body("state", equalTo("FILED"))
                .body("deadlines", hasSize(0));

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> caseId.toString().equals(r.key()), 6, Duration.ofSeconds(20));
            assertThat(records)
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly(
                            "org.xianjie.referral.report.v1", "org.xianjie.referral.approve.v1",
                            "org.xianjie.referral.send.v1", "org.xianjie.referral.receive.v1",
                            "org.xianjie.referral.file.v1", "org.xianjie.referral.hand-over-seized-items.v1");
            ConsumerRecord<String, String> sent = records.get(2);
            assertThat(header(sent, "ce_source")).isEqualTo("/xianjie/referral-service");
            assertThat(sent.value())
                    .contains(
                            "\"step\":\"SEND\"",
                            "\"police\":\"TJ-PSB\"",
                            "\"procuratorate\":\"TJ-PROC\"",
                            "\"state\":\"SENT\"");
        }
    }

    @Test
    void filedCaseGoesThroughArrestProsecutionAndJudgment() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "FILE", null);
        ok(token("TJ-PSB"), id, "REQUEST_ARREST", null);
        ok(token("TJ-PROC"), id, "APPROVE_ARREST", null);
        ok(token("TJ-PSB"), id, "TRANSFER_FOR_PROSECUTION", null);
        ok(token("TJ-PROC"), id, "PROSECUTE", null).then().body("parties.court", equalTo("TJ-COURT"));
        ok(token("TJ-COURT"), id, "ACCEPT_CASE", null);
        ok(token("TJ-COURT"), id, "RENDER_JUDGMENT", "{\"note\": \"判处有期徒刑一年\"}")
                .then()
                .body("state", equalTo("JUDGED"))
                .body("deadlines", hasSize(0))
                .body("allowedSteps", hasSize(0))
                .body("history", hasSize(11));
    }

    @Test
    void refusedReportIsTerminalWithItsReasonsOnRecord() {
        String id = Flow.report(UUID.randomUUID());
        ok(token("TJ-AMR", "head"), id, "REFUSE", reason("证据不足，不构成犯罪"))
                .then()
                .body("state", equalTo("REFUSED"))
                .body("history[1].reason", equalTo("证据不足，不构成犯罪"))
                .body("history[1].actorRole", equalTo("head"))
                .body("deadlines", hasSize(0));
    }
}
