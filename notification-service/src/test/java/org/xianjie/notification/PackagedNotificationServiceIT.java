package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, prod profile) as its own process on
 * the real broker and PostgreSQL of the test resource, whose settings reach it as system properties:
 * what the build ships starts, consumes from the broker, authenticates and authorises.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class PackagedNotificationServiceIT {

    @Test
    void thePackagedServiceIsReadyAndShowsANotificationToItsAgencyOnly() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        Fixtures.Referral referral = Fixtures.Referral.create();
        referral.step("SEND", "SENT", "TJ-AMR", 3);
        Map<String, Object> notification = Fixtures.await(
                        () -> given()
                                .auth()
                                .oauth2(TestInfra.get().token("TJ-PSB"))
                                .queryParam("limit", 200)
                                .get("/api/v1/notifications")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items")
                                .stream()
                                .filter(n -> referral.referralId().toString().equals(n.get("referralId")))
                                .toList(),
                        found -> !found.isEmpty(),
                        Duration.ofSeconds(60))
                .get(0);
        String id = (String) notification.get("id");
        given().auth()
                .oauth2(TestInfra.get().token("TJ-PSB"))
                .get("/api/v1/notifications/" + id)
                .then()
                .statusCode(200)
                .body("referralId", equalTo(referral.referralId().toString()));
        given().auth()
                .oauth2(TestInfra.get().token("TJ-IPO"))
                .get("/api/v1/notifications/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
