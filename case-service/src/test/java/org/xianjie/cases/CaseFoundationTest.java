package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.xianjie.localinfra.TopicReader.header;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.SigningKeys;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.Tokens;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseFoundationTest {

    @Test
    void openedCaseIsPublishedAsCloudEventKeyedByCaseId() throws Exception {
        String number = "津市监处〔2026〕" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseNumber": "%s", "category": "TRADEMARK", "title": "销售假冒注册商标的商品",
                         "openedOn": "2026-03-02"}""".formatted(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .body("state", equalTo("OPEN"))
                .body("region", equalTo("120000"))
                .extract()
                .path("id");

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, "ce_type")).isEqualTo("org.xianjie.case.opened.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/xianjie/case-service");
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(record.value()).contains(number);
        }
    }

    @Test
    void requestsWithoutAValidTokenGet401ProblemAndWriteNothing() throws Exception {
        String number = "未授权-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"caseNumber\": \"" + number
                + "\", \"category\": \"TRADEMARK\", \"title\": \"t\", \"openedOn\": \"2026-03-02\"}";
        SigningKeys stranger = SigningKeys.loadOrCreate(Files.createTempDirectory("stranger"));
        List<String> badTokens = List.of(
                Tokens.expired(TestInfra.get().keys().privateKey(), "TJ-AMR"),
                Tokens.issue(stranger.privateKey(), "TJ-AMR", "mallory", Set.of("head"), Duration.ofHours(1)),
                "not-a-jwt");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", notNullValue());
        for (String bad : badTokens) {
            given().auth()
                    .oauth2(bad)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/cases")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TestInfra.get().token("TJ-AMR"))
                .queryParam("q", number)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void expiredTokenGets401Problem() {
        given().auth()
                .oauth2(Tokens.expired(TestInfra.get().keys().privateKey(), "TJ-AMR"))
                .get("/api/v1/cases/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnotherKeyGets401Problem() throws Exception {
        SigningKeys stranger = SigningKeys.loadOrCreate(Files.createTempDirectory("stranger"));
        String forged = Tokens.issue(stranger.privateKey(), "TJ-AMR", "mallory", Set.of("head"), Duration.ofHours(1));
        given().auth()
                .oauth2(forged)
                .get("/api/v1/cases/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAgencyUnknownToTheDirectoryGets401Problem() {
        String token = Tokens.issue(
                TestInfra.get().keys().privateKey(), "XX-NOBODY", "someone", Set.of("officer"), Duration.ofHours(1));
        given().auth()
                .oauth2(token)
                .get("/api/v1/cases/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("unknown agency 'XX-NOBODY'"));
    }
}
