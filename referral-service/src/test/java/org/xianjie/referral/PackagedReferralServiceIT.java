package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, prod profile) as its own process on
 * the real broker and PostgreSQL of the test resource, whose settings reach it as system properties:
 * what the build ships starts, migrates, authenticates and authorises.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class PackagedReferralServiceIT {

    @Test
    void thePackagedServiceIsReadyAndServesAReferralToItsPartiesOnly() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String id = Flow.report("TJ-AMR", UUID.randomUUID());
        given().auth()
                .oauth2(Flow.token("TJ-AMR"))
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("state", equalTo("REPORTED"));
        given().auth()
                .oauth2(Flow.token("TJ-IPO"))
                .get("/api/v1/referrals/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
