package org.xianjie.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.CaseApi.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseAuthorizationTest {

    private static final Map<String, String> WRITES = Map.of(
            "facts", CaseApi.FACTS,
            "evidence", CaseApi.evidence("ab".repeat(32)),
            "penalty", CaseApi.PENALTY,
            "close", CaseApi.CLOSE);

    @Test
    void foreignAgencyGets404OnEveryReadAndWritePathAndTheCaseStaysUntouched() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        for (String stranger : List.of("TJ-IPO", "TJ-PSB", "TJ-COURT", "HP-PROC", "BH-AMR")) {
            as(stranger)
                    .get("/api/v1/cases/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("case " + id + " was not found"));
            as(stranger).get("/api/v1/cases/" + id + "/timeline").then().statusCode(404);
            WRITES.forEach((action, body) ->
                    post(stranger, id, action, body).statusCode(404).contentType("application/problem+json"));
            as(stranger)
                    .queryParam("limit", 100)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem(id)));
        }
        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("version", equalTo(0))
                .body("evidenceCount", equalTo(0));
    }

    @Test
    void unknownCaseAndForeignCaseLookTheSame() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        String unknown = java.util.UUID.randomUUID().toString();
        String foreign = as("TJ-IPO")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(404)
                .extract()
                .path("title");
        String missing = as("TJ-IPO")
                .get("/api/v1/cases/" + unknown)
                .then()
                .statusCode(404)
                .extract()
                .path("title");
        org.assertj.core.api.Assertions.assertThat(foreign).isEqualTo(missing);
    }

    @Test
    void procuratorateSeesPenaltyDecisionsOfItsRegionAndBeneathItAndNothingOutside() {
        String tianjin = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", tianjin, "penalty", CaseApi.PENALTY).statusCode(200);
        String binhai = CaseApi.open("BH-AMR", CaseApi.number("滨市监处"));
        post("BH-AMR", binhai, "penalty", CaseApi.PENALTY).statusCode(200);

        as("TJ-PROC")
                .get("/api/v1/cases/" + tianjin)
                .then()
                .statusCode(200)
                .body("penalty.decisionNumber", equalTo("津市监罚〔2026〕12号"))
                .body("penalty.fine", equalTo(258000.00f));
        as("TJ-PROC").get("/api/v1/cases/" + tianjin + "/timeline").then().statusCode(200);
        // 检察一体化: the city procuratorate supervises the districts beneath it
        as("TJ-PROC")
                .get("/api/v1/cases/" + binhai)
                .then()
                .statusCode(200)
                .body("penalty.decisionDate", equalTo("2026-04-10"));
        as("TJ-PROC").get("/api/v1/cases/" + binhai + "/timeline").then().statusCode(200);
        as("TJ-PROC")
                .queryParam("state", "PENALTY_DECIDED")
                .queryParam("limit", 100)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(tianjin))
                .body("items.id", hasItem(binhai))
                .body("items.region", everyItem(org.hamcrest.Matchers.startsWith("12")));

        as("BH-PROC")
                .get("/api/v1/cases/" + binhai)
                .then()
                .statusCode(200)
                .body("penalty.decisionDate", equalTo("2026-04-10"));
        as("BH-PROC").get("/api/v1/cases/" + tianjin).then().statusCode(404);
        as("BH-PROC")
                .queryParam("state", "PENALTY_DECIDED")
                .queryParam("limit", 100)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(binhai))
                .body("items.region", everyItem(equalTo("120116")));
        as("HP-PROC").get("/api/v1/cases/" + binhai).then().statusCode(404);
        as("HP-PROC")
                .queryParam("limit", 100)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.region", everyItem(equalTo("120101")));
        // another province at every level sees none of Tianjin's
        for (String other : List.of("SD-PROC", "QD-PROC", "HD-PROC")) {
            as(other).get("/api/v1/cases/" + binhai).then().statusCode(404);
            as(other).get("/api/v1/cases/" + tianjin).then().statusCode(404);
            as(other)
                    .queryParam("limit", 100)
                    .get("/api/v1/cases")
                    .then()
                    .statusCode(200)
                    .body("items.region", everyItem(org.hamcrest.Matchers.startsWith("37")));
        }
        // the city's police and court stay with the parties rule
        as("TJ-PSB").get("/api/v1/cases/" + binhai).then().statusCode(404);
        as("TJ-COURT").get("/api/v1/cases/" + binhai).then().statusCode(404);
    }

    @Test
    void procuratorateReadsButCannotChangeTheCasesOfItsRegion() {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        WRITES.forEach((action, body) ->
                post("TJ-PROC", id, action, body).statusCode(403).contentType("application/problem+json"));
        as("TJ-AMR").get("/api/v1/cases/" + id).then().body("version", equalTo(0));
    }

    @Test
    void onlyAdministrativeAgenciesOpenCases() {
        as("TJ-PSB")
                .body(CaseApi.openBody(CaseApi.number("公")))
                .post("/api/v1/cases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
