package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.step;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralInputTest {

    @Test
    void sendingWithoutTheRequiredAttachmentsIs422ListingWhatIsMissing() {
        String id = Flow.report(UUID.randomUUID());
        ok(token("TJ-AMR", "head"), id, "APPROVE", null);
        step(token("TJ-AMR"), id, "SEND", """
                {"attachments": [{"kind": "REFERRAL_LETTER", "title": "移送书", "sha256": "%s"}]}""".formatted(Flow.SHA))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(3))
                .body("errors[0].field", equalTo("attachments"))
                .body("missing", hasItem(containsString("检验报告或鉴定意见")));
        get(token("TJ-AMR"), id).then().body("state", equalTo("APPROVED")).body("history", hasSize(2));
    }

    @Test
    void stepOutOfOrderIs409WithTheCurrentStateAndTheStepsAllowedNow() {
        String id = Flow.report(UUID.randomUUID());
        step(token("TJ-AMR"), id, "SEND", Flow.SEND_ATTACHMENTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("REPORTED"))
                .body("allowedSteps", hasItems("APPROVE", "REFUSE"));
    }

    @Test
    void declineWithoutReasonsIs422NamingReason() {
        String id = Flow.received(UUID.randomUUID());
        step(token("TJ-PSB"), id, "DECLINE", "{\"reason\": \"  \"}")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void badInputIsASpecific400NamingTheField() {
        String id = Flow.report(UUID.randomUUID());
        step(token("TJ-AMR", "head"), id, "LAUNCH", null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("step"));
        step(token("TJ-AMR", "head"), id, "APPROVE", "{\"colour\": 1}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        step(token("TJ-AMR", "head"), id, "APPROVE", """
                {"attachments": [{"kind": "REFERRAL_LETTER", "title": "移送书", "sha256": "abc"}]}""")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("sha256"));
        step(token("TJ-AMR", "head"), id, "APPROVE", "{\"attachments\": [{\"kind\": \"PHOTO\"}]}")
                .then()
                .statusCode(400);
        step(token("TJ-AMR", "head"), id, "APPROVE", "{not json").then().statusCode(400);
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("{\"caseNumber\": \"X\"}")
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("caseId"));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("{\"caseId\": \"%s\", \"caseTeam\": [\"张伟\", \"李娜\"]}".formatted(UUID.randomUUID()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("caseNumber", "caseTitle", "category"));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"caseId\": \"%s\", \"caseNumber\": \"1\", \"caseTitle\": \"t\", \"category\": \"TRADEMARK\", \"caseTeam\": [\"张伟\"]}"
                                .formatted(UUID.randomUUID()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseTeam"));
        get(token("TJ-AMR", "head"), id)
                .then()
                .body("state", equalTo("REPORTED"))
                .body("version", equalTo(0));
    }

    @Test
    void aSecondActiveReferralForTheSameCaseIs409() {
        UUID caseId = UUID.randomUUID();
        Flow.report(caseId);
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"caseId\": \"%s\", \"caseNumber\": \"1\", \"caseTitle\": \"t\", \"category\": \"TRADEMARK\", \"caseTeam\": [\"张伟\", \"李娜\"]}"
                                .formatted(caseId))
                .post("/api/v1/referrals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aStaleExpectedVersionIs409AndTheSameIdempotencyKeyReplaysWithoutDoubling() {
        String id = Flow.report(UUID.randomUUID());
        step(token("TJ-AMR", "head"), id, "APPROVE", "{\"expectedVersion\": 7}")
                .then()
                .statusCode(409)
                .body("state", equalTo("REPORTED"));
        given().auth()
                .oauth2(token("TJ-AMR", "head"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .header("Idempotency-Key", "approve-" + id)
                .body("{}")
                .post("/api/v1/referrals/" + id + "/steps/APPROVE")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        given().auth()
                .oauth2(token("TJ-AMR", "head"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .header("Idempotency-Key", "approve-" + id)
                .body("{}")
                .post("/api/v1/referrals/" + id + "/steps/APPROVE")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
        get(token("TJ-AMR"), id).then().body("history", hasSize(2)).body("version", equalTo(1));
    }
}
