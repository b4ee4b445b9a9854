package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
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
class ReferralAuthorizationTest {

    @Test
    void onlyTheAgencyHeadApproves() {
        String id = Flow.report(UUID.randomUUID());
        step(token("TJ-AMR"), id, "APPROVE", null)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("head"));
        get(token("TJ-AMR"), id).then().body("allowedSteps", not(hasItem("APPROVE")));
        get(token("TJ-AMR", "head"), id).then().body("allowedSteps", hasItems("APPROVE", "REFUSE"));
    }

    @Test
    void anotherRegionsAgenciesDoNotSeeTheReferral() {
        String id = Flow.sent(UUID.randomUUID());
        get(token("BH-AMR"), id).then().statusCode(404).contentType("application/problem+json");
        get(token("BH-PROC"), id).then().statusCode(404);
        step(token("BH-PSB"), id, "RECEIVE", null).then().statusCode(404);
        get(token("TJ-COURT"), id).then().statusCode(404);
        given().auth()
                .oauth2(token("BH-AMR"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void onlyThePoliceReceiptsFilesOrDeclinesAndOnlyTheProcuratorateSupervises() {
        String id = Flow.sent(UUID.randomUUID());
        step(token("TJ-AMR"), id, "RECEIVE", null).then().statusCode(403);
        step(token("TJ-PROC"), id, "RECEIVE", null).then().statusCode(403);
        ok(token("TJ-PSB"), id, "RECEIVE", null);
        step(token("TJ-PROC"), id, "FILE", null).then().statusCode(403);
        ok(token("TJ-PSB"), id, "DECLINE", reason("不构成犯罪"));
        step(token("TJ-PSB"), id, "REQUEST_EXPLANATION", null).then().statusCode(403);
        ok(token("TJ-PROC"), id, "REQUEST_EXPLANATION", null);
    }

    @Test
    void partiesListTheirReferralsAndTheProcuratorateSeesItsWholeRegion() {
        String id = Flow.sent(UUID.randomUUID());
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals?state=SENT&region=120000")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals?agency=TJ-AMR")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/referrals?state=FILED")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/referrals?state=NOPE")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void thePoliceSeeAReferralOnlyOnceItIsSent() {
        String id = Flow.report(UUID.randomUUID());
        get(token("TJ-PSB"), id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString("REPORTED")));
        step(token("TJ-PSB"), id, "ANSWER_EARLY_INTERVENTION", null).then().statusCode(404);
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        ok(token("TJ-AMR", "head"), id, "APPROVE", null);
        get(token("TJ-PSB"), id).then().statusCode(404);
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals?state=APPROVED")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        get(token("TJ-AMR"), id).then().statusCode(200).body("parties.police", equalTo("TJ-PSB"));
        ok(token("TJ-AMR"), id, "SEND", Flow.SEND_ATTACHMENTS);
        get(token("TJ-PSB"), id).then().statusCode(200).body("allowedSteps", hasItem("RECEIVE"));
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void aRefusedReferralNeverReachesThePolice() {
        String id = Flow.report(UUID.randomUUID());
        ok(token("TJ-AMR", "head"), id, "REFUSE", reason("证据不足"));
        get(token("TJ-PSB"), id).then().statusCode(404);
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals?state=REFUSED")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void earlyInterventionBringsThePoliceInBeforeSending() {
        String id = Flow.report(UUID.randomUUID());
        ok(token("TJ-AMR"), id, "REQUEST_EARLY_INTERVENTION", "{\"note\": \"重大案件，商请提前介入\"}");
        get(token("TJ-PSB"), id).then().statusCode(200).body("state", equalTo("REPORTED"));
        ok(token("TJ-PSB"), id, "ANSWER_EARLY_INTERVENTION", "{\"note\": \"同意提前介入\"}");
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        get(token("BH-PSB"), id).then().statusCode(404);
    }

    @Test
    void aConsultationOfTheProcuratorateAloneDoesNotBringThePoliceIn() {
        String id = Flow.report(UUID.randomUUID());
        ok(token("TJ-AMR"), id, "REQUEST_CONSULTATION", "{\"targetAgency\": \"TJ-PROC\", \"note\": \"咨询\"}");
        get(token("TJ-PSB"), id).then().statusCode(404);
        ok(token("TJ-AMR"), id, "REQUEST_CONSULTATION", "{\"targetAgency\": \"TJ-PSB\", \"note\": \"咨询\"}");
        get(token("TJ-PSB"), id).then().statusCode(200);
    }

    @Test
    void aProcuratorateOfAnotherRegionCannotOpenAReverseReferralOnACityCase() throws Exception {
        UUID caseId = UUID.randomUUID();
        SupervisionLeadTest.publishPenalty(caseId, "TJ-AMR", "120000", "900000", 1);
        awaitKnown(caseId);
        String reverse = """
                {"caseId": "%s", "startStep": "RECORD_NON_PROSECUTION", "reason": "相对不起诉"}""".formatted(caseId);
        given().auth()
                .oauth2(token("BH-PROC"))
                .contentType(ContentType.JSON)
                .body(reverse)
                .post("/api/v1/referrals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("caseId", not(hasItem(caseId.toString())));
        given().auth()
                .oauth2(token("BH-PSB"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("caseId", not(hasItem(caseId.toString())));
        // naming the agency itself while the case is unknown does not help either
        given().auth()
                .oauth2(token("BH-PROC"))
                .contentType(ContentType.JSON)
                .body("""
                {"caseId": "%s", "caseNumber": "津文执罚〔2026〕9号", "caseTitle": "侵犯著作权案",
                 "category": "COPYRIGHT", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-CULTURE",
                 "reason": "相对不起诉"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(404);
        // the procuratorate of the case's own region may
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body(reverse)
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("parties.agency", equalTo("TJ-AMR"));
    }

    @Test
    void aReverseReferralForAnUnannouncedCaseMustNameTheAgency() {
        given().auth()
                .oauth2(token("BH-PROC"))
                .contentType(ContentType.JSON)
                .body("""
                {"caseId": "%s", "caseNumber": "1", "caseTitle": "t", "category": "COPYRIGHT",
                 "startStep": "RECORD_NON_PROSECUTION", "reason": "相对不起诉"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("agencyCode"));
    }

    @Test
    void aConflictNamesTheExistingReferralOnlyToThoseWhoMayReadIt() {
        UUID caseId = UUID.randomUUID();
        String id = Flow.report(caseId);
        String body = given().auth()
                .oauth2(token("TJ-IPO"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津知罚〔2026〕1号", "caseTitle": "t", "category": "TRADEMARK",
                         "caseTeam": ["王强", "赵敏"]}""".formatted(caseId))
                .post("/api/v1/referrals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(body).doesNotContain(id).doesNotContain("REPORTED");
        String reverse = """
                {"caseId": "%s", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-AMR", "reason": "相对不起诉",
                 "caseNumber": "1", "caseTitle": "t", "category": "TRADEMARK"}""".formatted(caseId);
        String foreign = given().auth()
                .oauth2(token("BH-PROC"))
                .contentType(ContentType.JSON)
                .body(reverse)
                .post("/api/v1/referrals")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(foreign).doesNotContain(id);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body(reverse)
                .post("/api/v1/referrals")
                .then()
                .statusCode(409)
                .body("detail", containsString(id));
    }

    /** Case events reach referral-service asynchronously; a lead for the case shows it is known. */
    private static void awaitKnown(UUID caseId) {
        org.awaitility.Awaitility.await("case " + caseId + " known")
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> given().auth()
                        .oauth2(token("TJ-PROC"))
                        .get("/api/v1/leads")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<java.util.List<String>>path("caseId")
                        .contains(caseId.toString()));
    }

    @Test
    void requestsWithoutTokenAre401() {
        given().get("/api/v1/referrals").then().statusCode(401).contentType("application/problem+json");
    }
}
