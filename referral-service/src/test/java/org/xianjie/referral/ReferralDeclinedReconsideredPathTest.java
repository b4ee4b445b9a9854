package org.xianjie.referral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.step;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralDeclinedReconsideredPathTest {

    @Test
    void declinedReferralIsReconsideredWithinThreeDaysAndThenFiled() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "DECLINE", reason("现有证据不足以证明达到追诉标准"))
                .then()
                .body("state", equalTo("DECLINED"))
                .body("deadlines.code", contains("RECONSIDERATION_REQUEST"))
                .body("deadlines[0].kind", equalTo("WINDOW"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-AMR"));
        ok(token("TJ-AMR"), id, "REQUEST_RECONSIDERATION", reason("补充鉴定意见，货值达15万元"))
                .then()
                .body("state", equalTo("RECONSIDERATION_REQUESTED"))
                .body("deadlines.code", contains("RECONSIDERATION_DECISION"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-PSB"));
        ok(token("TJ-PSB"), id, "FILE", null)
                .then()
                .body("state", equalTo("FILED"))
                .body(
                        "history.step",
                        contains("REPORT", "APPROVE", "SEND", "RECEIVE", "DECLINE", "REQUEST_RECONSIDERATION", "FILE"));
    }

    @Test
    void upheldDeclineGoesToSupervisionExplanationAndOrderToFile() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "DECLINE", reason("不构成犯罪"));
        ok(token("TJ-AMR"), id, "REQUEST_RECONSIDERATION", reason("请求复议"));
        ok(token("TJ-PSB"), id, "UPHOLD_DECLINE", reason("维持不予立案决定"))
                .then()
                .body("deadlines.code", contains("SUPERVISION_REQUEST"));
        ok(token("TJ-AMR"), id, "REQUEST_SUPERVISION", reason("建议检察院立案监督"))
                .then()
                .body("state", equalTo("SUPERVISION_REQUESTED"));
        get(token("TJ-PROC"), id).then().statusCode(200).body("allowedSteps", hasItems("REQUEST_EXPLANATION"));
        ok(token("TJ-PROC"), id, "REQUEST_EXPLANATION", null)
                .then()
                .body("state", equalTo("EXPLANATION_REQUESTED"))
                .body("deadlines.code", contains("EXPLANATION"));
        ok(token("TJ-PSB"), id, "EXPLAIN", reason("涉案金额未达标准"))
                .then()
                .body("deadlines.code", contains("OUTCOME_TO_AGENCY"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-PROC"));
        ok(token("TJ-PROC"), id, "ORDER_FILING", reason("不立案理由不能成立"))
                .then()
                .body("state", equalTo("FILING_ORDERED"))
                .body("deadlines.code", contains("FILING_ORDER"));
        ok(token("TJ-PSB"), id, "FILE", null).then().body("state", equalTo("FILED"));
    }

    @Test
    void reconsiderationRequestedAfterItsWindowIsRecordedAndFlaggedNotRefused() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "DECLINE", reason("不构成犯罪"));
        DeadlineShift.moveDueIntoPast(id, "RECONSIDERATION_REQUEST");
        get(token("TJ-AMR"), id)
                .then()
                .body("deadlines[0].lapsed", equalTo(true))
                .body("deadlines[0].overdue", equalTo(false));
        ok(token("TJ-AMR"), id, "REQUEST_RECONSIDERATION", reason("逾期提请复议"))
                .then()
                .body("state", equalTo("RECONSIDERATION_REQUESTED"))
                .body("history[5].remarks[0]", containsString("late: RECONSIDERATION_REQUEST"));
    }

    @Test
    void extensionCountsFromReceiptAndTenDaysAreRefusedWhileThirtyRun() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "EXTEND_FILING_REVIEW_MAJOR", """
                {"attachments": [{"kind": "EXTENSION_APPROVAL", "title": "延长审查期限批准书", "sha256": "%s"}]}""".formatted(Flow.SHA))
                .then()
                .body("deadlines.code", contains("FILING_DECISION_MAJOR"))
                .body("history[4].remarks[0]", containsString("extension: FILING_DECISION was due"));
        step(token("TJ-PSB"), id, "EXTEND_FILING_REVIEW", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("30-day"));
    }
}
