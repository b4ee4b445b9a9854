package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/** The console is served with a strict CSP it can live with: no inline script or style to allow. */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class ConsoleHeadersTest {

    @Test
    void theConsoleAndItsAssetsCarryTheSecurityHeadersAndThePageHasNothingInline() {
        String page = given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .extract()
                .asString();
        // Everything the page runs comes from its own origin, which the policy allows.
        assertThat(page)
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
        given().get("/app.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/app.css").then().statusCode(200).header("Content-Security-Policy", containsString("default-src"));
        // Over plain HTTP there is no HSTS (it is sent when the request came over TLS).
        given().get("/").then().header("Strict-Transport-Security", (String) null);
    }
}
