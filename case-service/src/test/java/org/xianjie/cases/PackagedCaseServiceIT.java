package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, prod profile) as its own process on
 * the real broker and PostgreSQL of the test resource, whose settings reach it as system properties:
 * what the build ships starts, migrates, authenticates and authorises.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class PackagedCaseServiceIT {

    @Test
    void thePackagedServiceIsReadyAndServesACaseToItsAgencyOnly() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String id = given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body(CaseApi.openBody(
                        "津市监处〔2026〕" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR"))
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("state", equalTo("OPEN"));
        given().auth()
                .oauth2(TestInfra.get().token("TJ-IPO"))
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("case " + id + " was not found"));
    }
}
