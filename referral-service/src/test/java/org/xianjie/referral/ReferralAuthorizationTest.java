package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
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
        step(token("TJ-AMR"), id, "APPROVE", null).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("head"));
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
        given().auth().oauth2(token("BH-AMR")).get("/api/v1/referrals").then().statusCode(200)
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
        given().auth().oauth2(token("TJ-PROC")).get("/api/v1/referrals?state=SENT&region=120000")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token("TJ-PSB")).get("/api/v1/referrals?agency=TJ-AMR")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token("TJ-AMR")).get("/api/v1/referrals?state=FILED")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(token("TJ-AMR")).get("/api/v1/referrals?state=NOPE")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
    }

    @Test
    void requestsWithoutTokenAre401() {
        given().get("/api/v1/referrals").then().statusCode(401).contentType("application/problem+json");
    }
}
