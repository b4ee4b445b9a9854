package org.xianjie.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.CaseApi.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseInputValidationTest {

    /** A valid opening body with one member (raw JSON {@code "name": value}) replaced or added. */
    private static String opening(String number, String member) {
        java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put("caseNumber", "\"" + number + "\"");
        members.put("category", "\"TRADEMARK\"");
        members.put("title", "\"t\"");
        members.put("openedOn", "\"2026-03-02\"");
        members.put("amounts", "{\"illegalGains\": 100.00}");
        if (!member.isEmpty()) {
            int colon = member.indexOf(':');
            members.put(
                    member.substring(0, colon).trim().replace("\"", ""),
                    member.substring(colon + 1).trim());
        }
        StringBuilder sb = new StringBuilder("{");
        members.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
        return sb.append('}').toString();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"openedOn\": 12                                       | 400 | openedOn",
                "\"title\": 12                                          | 400 | title",
                "\"title\": \"\"                                        | 400 | title",
                "\"title\": null                                        | 400 | title",
                "\"category\": \"PIRACY\"                               | 400 | category",
                "\"category\": 3                                        | 400 | category",
                "\"region\": \"999999\"                                 | 400 | region",
                "\"region\": \"tianjin\"                                | 400 | region",
                "\"openedOn\": \"2099-01-01\"                           | 400 | openedOn",
                "\"openedOn\": \"2026-02-30\"                           | 400 | openedOn",
                "\"surprise\": true                                     | 400 | surprise",
                "\"amounts\": {\"illegalGains\": -1}                    | 400 | amounts.illegalGains",
                "\"amounts\": {\"sales\": 10000000000000}               | 400 | amounts.sales",
                "\"amounts\": {\"sales\": 1e400}                        | 400 | amounts.sales",
                "\"amounts\": {\"illegalBusinessVolume\": 1.005}        | 400 | amounts.illegalBusinessVolume",
                "\"amounts\": {\"illegalGains\": \"100\"}               | 400 | amounts.illegalGains",
                "\"amounts\": {\"copies\": -5}                          | 400 | amounts.copies",
                "\"amounts\": {\"copies\": 1000000001}                  | 400 | amounts.copies",
                "\"amounts\": {\"copies\": 100000000000000000000}       | 400 | amounts.copies",
                "\"amounts\": {\"marks\": 1.5}                          | 400 | amounts.marks",
                "\"amounts\": {\"colour\": 1}                           | 400 | amounts.colour",
                "\"amounts\": [1]                                       | 400 | amounts",
                "\"parties\": [{\"kind\": \"PERSON\", \"name\": \"张某\", \"identityNumber\": \"1201-0119\"}] | 400 | parties[0].identityNumber",
                "\"parties\": [{\"kind\": \"ROBOT\", \"name\": \"x\", \"identityNumber\": \"120101199001011234\"}] | 400 | parties[0].kind",
                "\"parties\": [{\"kind\": \"PERSON\", \"identityNumber\": \"120101199001011234\"}] | 400 | parties[0].name",
                "\"agencyCode\": \"TJ-IPO\"                             | 403 | agencyCode",
            })
    void badOpeningIsRefusedNamingTheFieldAndStoresNothing(String member, int status, String field) {
        String number = CaseApi.number("校验");
        String body = opening(number, member);
        as("TJ-AMR")
                .body(body)
                .post("/api/v1/cases")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body(not(containsString("120101199001011234")));
        assertNothingStored(number);
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        as("TJ-AMR")
                .body("{\"summary\": \"only a summary\"}")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("caseNumber"))
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("openedOn"));
    }

    @Test
    void malformedEmptyAndNonObjectBodiesAreRefused() {
        String number = CaseApi.number("校验");
        as("TJ-AMR")
                .body("{\"caseNumber\": \"" + number + "\", ")
                .post("/api/v1/cases")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://xianjie.org/problems/malformed-json"));
        as("TJ-AMR")
                .body("")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        as("TJ-AMR")
                .body("[1, 2]")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("TJ-AMR")
                .body(opening(number, "") + " trailing")
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("TJ-AMR")
                .body(opening(number, "").replaceFirst("}$", ", \"title\": \"again\"}"))
                .post("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertNothingStored(number);
    }

    @Test
    void wrongContentTypeGets415Problem() {
        as("TJ-AMR")
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/cases")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void badPenaltyEvidenceAndClosingAreRefusedNamingTheFieldAndChangeNothing() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("校验"));
        post("TJ-AMR", id, "penalty", """
                {"decisionNumber": "罚1号", "decisionDate": "2026-01-01", "fine": 100}""").statusCode(400).body("errors.field", hasItem("decisionDate"));
        post("TJ-AMR", id, "penalty", """
                {"decisionNumber": "罚1号", "decisionDate": "2099-01-01", "fine": 100}""").statusCode(400).body("errors.field", hasItem("decisionDate"));
        post("TJ-AMR", id, "penalty", """
                {"decisionNumber": "罚1号", "decisionDate": "2026-04-01", "fine": -100}""").statusCode(400).body("errors.field", hasItem("fine"));
        post("TJ-AMR", id, "penalty", """
                {"decisionNumber": "罚1号", "decisionDate": "2026-04-01"}""").statusCode(400).body("errors.field", hasItem("fine"));
        post("TJ-AMR", id, "evidence", """
                {"type": "DOCUMENT", "description": "x", "sha256": "abc"}""").statusCode(400).body("errors.field", hasItem("sha256"));
        post("TJ-AMR", id, "evidence", """
                {"type": "DOCUMENT", "description": "x", "sha256": "%s", "recordedAt": "2099-01-01T00:00:00Z"}""".formatted(CaseApi.sha()))
                .statusCode(400)
                .body("errors.field", hasItem("recordedAt"));
        post("TJ-AMR", id, "close", "{\"closedOn\": \"2026-01-01\"}")
                .statusCode(400)
                .body("errors.field", hasItem("closedOn"));
        post("TJ-AMR", id, "facts", "{}").statusCode(400).body("errors.field", hasItem("body"));

        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("evidenceCount", equalTo(0))
                .body("version", equalTo(0));
        as("TJ-AMR").get("/api/v1/cases/" + id + "/timeline").then().body("$", hasSize(1));
    }

    @Test
    void badListingParametersAreNamed() {
        as("TJ-AMR")
                .queryParam("limit", "abc")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
        as("TJ-AMR")
                .queryParam("limit", 1000)
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
        as("TJ-AMR")
                .queryParam("state", "LOST")
                .queryParam("category", "x")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("state"))
                .body("errors.field", hasItem("category"));
        as("TJ-AMR")
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as("TJ-AMR")
                .queryParam("openedFrom", "yesterday")
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("openedFrom"));
    }

    @Test
    void idThatIsNotAUuidIsNotFoundProblem() {
        as("TJ-AMR").get("/api/v1/cases/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        post("TJ-AMR", "not-a-uuid", "close", CaseApi.CLOSE).statusCode(404).contentType("application/problem+json");
    }

    private static void assertNothingStored(String number) {
        as("TJ-AMR")
                .queryParam("q", number)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
