package org.xianjie.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class OpenApiDocumentTest {

    @Test
    void everyRequestBodyHasAnExample() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
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
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>)
                        ((Map<String, Object>) op.get("requestBody")).get("content");
                assertThat(content.values()).as(operation.getKey() + " " + path.getKey())
                        .allSatisfy(media -> assertThat(media).containsKey("examples"));
            }
        }
        assertThat(bodies).isGreaterThanOrEqualTo(6);
        assertThat(doc.getMap("paths.'/api/v1/events'.post.requestBody.content"))
                .containsKeys("application/cloudevents+json", "application/cloudevents-batch+json");
        assertThat(paths).containsKeys("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/timeline",
                "/api/v1/events", "/api/v1/cases/{id}/penalty");
    }
}
