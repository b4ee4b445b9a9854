package org.xianjie.referral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReverseReferralPathTest {

    @Test
    void nonProsecutionIsHandedForReviewAndTheOpinionIsAnsweredByTheAgency() {
        String id = Flow.received(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "FILE", null);
        ok(token("TJ-AMR"), id, "HAND_OVER_SEIZED_ITEMS", null);
        ok(token("TJ-PSB"), id, "TRANSFER_FOR_PROSECUTION", null);
        ok(token("TJ-PROC"), id, "DECIDE_NOT_TO_PROSECUTE", reason("犯罪情节轻微，不需要判处刑罚"))
                .then()
                .body("state", equalTo("NOT_PROSECUTED"))
                .body("deadlines.code", contains("REVERSE_HANDOVER"));
        ok(token("TJ-PROC"), id, "HAND_OVER_FOR_REVIEW", null)
                .then()
                .body("deadlines.code", contains("REVERSE_REVIEW"));
        ok(token("TJ-PROC"), id, "SEND_OPINION", "{\"note\": \"检察意见书：建议给予行政处罚\"}")
                .then()
                .body("state", equalTo("OPINION_SENT"))
                .body("deadlines.code", contains("OPINION_REPLY"))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-AMR"));
        ok(token("TJ-PROC"), id, "FOLLOW_UP_OPINION", null).then().body("state", equalTo("OPINION_SENT"));
        ok(token("TJ-AMR"), id, "REPLY_TO_OPINION", "{\"note\": \"已作出行政处罚决定\"}")
                .then()
                .body("state", equalTo("OPINION_REPLIED"))
                .body("deadlines", hasSize(0));
    }

    @Test
    void procuratorateOpensAReverseReferralForACaseItFoundItself() {
        String id = io.restassured.RestAssured.given()
                .auth()
                .oauth2(token("TJ-PROC"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津检刑不诉〔2026〕3号", "caseTitle": "侵犯著作权案",
                         "category": "COPYRIGHT", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-CULTURE",
                         "reason": "相对不起诉"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("state", equalTo("NOT_PROSECUTED"))
                .body("parties.agency", equalTo("TJ-CULTURE"))
                .body("parties.procuratorate", equalTo("TJ-PROC"))
                .body("deadlines.code", contains("REVERSE_HANDOVER"))
                .extract()
                .path("id");
        ok(token("TJ-PROC"), id, "CLOSE_NO_PENALTY_DUE", reason("已给予行政处罚，无需制发检察意见"))
                .then()
                .body("state", equalTo("CLOSED"));
        get(token("TJ-CULTURE"), id).then().statusCode(200);
    }
}
