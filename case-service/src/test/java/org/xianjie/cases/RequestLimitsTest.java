package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.xianjie.cases.CaseApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/** Bounded input: body size and per-agency request rate, each refused with its own problem. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class RequestLimitsTest {

    private static String oversized(String number) {
        return CaseApi.openBody(number).replace("\"查获假冒运动鞋\"", "\"" + "假".repeat(200_000) + "\"");
    }

    @Test
    void bodyOverTheLimitGets413ProblemAndStoresNothing() {
        String number = CaseApi.number("大");
        as("TJ-AMR")
                .body(oversized(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"));
        as("TJ-AMR").queryParam("q", number).get("/api/v1/cases").then().body("items", hasSize(0));
    }

    @Test
    void chunkedBodyOverTheLimitGets413Problem() {
        byte[] body = oversized(CaseApi.number("大")).getBytes(StandardCharsets.UTF_8);
        as("TJ-AMR")
                .body(new ByteArrayInputStream(body))
                .post("/api/v1/cases")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void agencyOverItsRateGets429WithRetryAfterWhileOthersAreServed() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(as("TJ-TOBACCO").get("/api/v1/cases"));
        }
        Response limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElse(null);
        assertThat(limited)
                .as("a 429 among "
                        + responses.stream().map(Response::statusCode).toList())
                .isNotNull();
        limited.then()
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        as("TJ-AMR").get("/api/v1/cases").then().statusCode(200);
    }
}
