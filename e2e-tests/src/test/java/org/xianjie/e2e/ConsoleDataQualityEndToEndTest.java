package org.xianjie.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Chromium;
import org.xianjie.localinfra.Edge;

/**
 * The console as a procurator uses it on the local stack: opened at the stack's one edge port
 * (routed by deploy/'s HTTPRoutes, as the Gateway routes it), it reads referral-service's
 * data-quality view from its own origin, and the figures it shows are those of the API.
 */
class ConsoleDataQualityEndToEndTest {

    private static Edge edge;

    @BeforeAll
    static void startEdge() {
        edge = SuiteEdge.start();
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void aProcuratorSeesInTheConsoleTheLatenessFiguresOfTheApi() throws Exception {
        assumeTrue(Files.isExecutable(Chromium.BINARY), "needs /usr/bin/chromium (CI installs it with apt-get)");
        // A report keyed in ten days after it was made: entered late, by any working calendar.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = UUID.randomUUID().toString();
        String referral = given().baseUri(edge.url())
                .auth()
                .oauth2(RunningSuite.token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "%s", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "caseTeam": ["张伟", "李娜"], "occurredAt": "%s"}""".formatted(caseId, Api.caseNumber(), now.minusDays(10)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(referral).isNotNull();
        // Like the Gateway, the edge routes nothing under /q.
        given().baseUri(edge.url()).get("/q/metrics").then().statusCode(404);

        String token = RunningSuite.token("TJ-PROC");
        try (Chromium browser = new Chromium()) {
            browser.navigate(edge.url() + "/");
            browser.eval("document.getElementById('token').value = '" + token + "';"
                    + "document.getElementById('signin').click(); true");
            browser.waitFor(
                    "document.getElementById('status').classList.contains('on')",
                    Boolean.TRUE::equals,
                    Duration.ofSeconds(30));
            browser.waitFor(
                    "!document.getElementById('dataquality').hidden", Boolean.TRUE::equals, Duration.ofSeconds(30));
            String summary = (String) browser.eval("document.querySelector('#dataquality p.hint').textContent");
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>)
                    browser.eval("Array.from(document.querySelectorAll('#dataquality table')[0].querySelectorAll('tr'))"
                            + ".slice(1).map(tr => Array.from(tr.cells).map(td => td.textContent))");
            browser.screenshot(Path.of("target", "console-data-quality.png"));

            JsonPath api = given().baseUri(edge.url())
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/data-quality")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(summary)
                    .contains(api.getString("from") + " – " + api.getString("to"))
                    .contains(" " + api.getInt("acts") + " ")
                    .contains(" " + api.getInt("late") + " (" + Math.round(api.getDouble("lateShare") * 100) + "%)");
            List<List<String>> expected = new ArrayList<>();
            for (Map<String, Object> a : api.<Map<String, Object>>getList("agencies")) {
                expected.add(List.of(
                        String.valueOf(a.get("agencyCode")),
                        String.valueOf(a.get("acts")),
                        String.valueOf(a.get("late")),
                        Math.round(((Number) a.get("lateShare")).doubleValue() * 100) + "%",
                        String.valueOf(a.get("maxDelay"))));
            }
            assertThat(rows).isEqualTo(expected);
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo("TJ-AMR");
                assertThat(Integer.parseInt(r.get(2))).isGreaterThanOrEqualTo(1);
            });
        }
        assertThat(Path.of("target", "console-data-quality.png")).exists();
    }
}
