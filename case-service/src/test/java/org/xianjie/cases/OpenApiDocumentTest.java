package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class OpenApiDocumentTest {

    @Test
    void everyRequestBodyHasAnExample() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int bodies = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                if (!op.containsKey("requestBody")) {
                    continue;
                }
                bodies++;
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> content =
                        (Map<String, Map<String, Object>>) ((Map<String, Object>) op.get("requestBody")).get("content");
                assertThat(content.values())
                        .as(operation.getKey() + " " + path.getKey())
                        .allSatisfy(media -> assertThat(media).containsKey("examples"));
            }
        }
        assertThat(bodies).isGreaterThanOrEqualTo(6);
        // Single and batch ingestion are distinct operations, each with a typed body and result.
        assertThat(doc.getMap("paths.'/api/v1/events'.post.requestBody.content"))
                .containsOnlyKeys("application/cloudevents+json");
        assertThat(doc.getString("paths.'/api/v1/events'.post.operationId")).isEqualTo("case_ingestEvent");
        assertThat(doc.getMap("paths.'/api/v1/events/batch'.post.requestBody.content"))
                .containsOnlyKeys("application/cloudevents-batch+json");
        assertThat(doc.getString(
                        "paths.'/api/v1/events/batch'.post.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/BatchResults");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/cases",
                        "/api/v1/cases/{id}",
                        "/api/v1/cases/{id}/timeline",
                        "/api/v1/events",
                        "/api/v1/events/batch",
                        "/api/v1/cases/{id}/penalty");
    }

    @Test
    void aClientGeneratorGetsIdsErrorsAndWhereToCall() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(doc.getString("info.license.name")).isEqualTo("Apache-2.0");
        assertThat(doc.getString("info.contact.url")).isNotBlank();
        assertThat(doc.getList("servers.url", String.class)).isNotEmpty();
        assertThat(doc.getList("components.schemas.Problem.required", String.class))
                .contains("type", "title", "status");
        assertThat(doc.getString("components.responses.NotFound.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");

        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        java.util.Set<String> ids = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            String what = method + " " + path;
            assertThat((String) op.get("operationId")).as(what).startsWith("case_");
            assertThat(ids.add((String) op.get("operationId")))
                    .as("unique id of " + what)
                    .isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(what).containsKeys("401", "403", "429", "500");
            if (path.contains("{")) {
                assertThat(responses).as(what).containsKey("404");
            }
            if (op.containsKey("requestBody")) {
                assertThat(responses).as(what).containsKeys("400", "409", "413", "415", "422");
            }
        }));
        assertThat(doc.getString("paths.'/api/v1/cases/{id}'.get.responses.'404'.$ref"))
                .isEqualTo("#/components/responses/NotFound");
    }
}
