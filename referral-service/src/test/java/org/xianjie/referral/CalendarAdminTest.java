package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class CalendarAdminTest {

    @Test
    void aPlatformOperatorAddsAYearWithoutARelease() {
        given().auth()
                .oauth2(token("TJ-AMR", "platform-operator"))
                .contentType(ContentType.JSON)
                .body("""
                        {"restDays": ["2030-01-01", {"from": "2030-02-02", "to": "2030-02-08"}],
                         "makeUpWorkingDays": ["2030-02-09"]}""")
                .put("/api/v1/admin/calendar/2030")
                .then()
                .statusCode(200)
                .body("year", equalTo(2030))
                .body("makeUpWorkingDays", hasItem("2030-02-09"));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/admin/calendar")
                .then()
                .statusCode(200)
                .body("year", hasItem(2030))
                .body("year", hasItem(2026));
    }

    @Test
    void onlyAPlatformOperatorMaintainsTheCalendarAndBadDataIs400() {
        given().auth()
                .oauth2(token("TJ-AMR", "head"))
                .contentType(ContentType.JSON)
                .body("{\"restDays\": [], \"makeUpWorkingDays\": []}")
                .put("/api/v1/admin/calendar/2031")
                .then()
                .statusCode(403);
        // an agency's admin manages its own agency, not the calendar every agency's deadlines follow
        given().auth()
                .oauth2(token("TJ-TOBACCO", "admin"))
                .contentType(ContentType.JSON)
                .body("{\"restDays\": [\"2099-01-01\"], \"makeUpWorkingDays\": []}")
                .put("/api/v1/admin/calendar/2099")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-TOBACCO"))
                .get("/api/v1/admin/calendar")
                .then()
                .statusCode(200)
                .body("year", not(hasItem(2099)));
        given().auth()
                .oauth2(token("TJ-AMR", "platform-operator"))
                .contentType(ContentType.JSON)
                .body("{\"restDays\": [\"2031-13-01\"], \"makeUpWorkingDays\": []}")
                .put("/api/v1/admin/calendar/2031")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(token("TJ-AMR", "platform-operator"))
                .contentType(ContentType.JSON)
                .body("{\"restDays\": [\"2032-01-01\"], \"makeUpWorkingDays\": []}")
                .put("/api/v1/admin/calendar/2031")
                .then()
                .statusCode(400);
    }
}
