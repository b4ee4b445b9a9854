package org.xianjie.referral;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.xianjie.localinfra.TestInfra;

/** Test helper: opens referrals and takes steps over REST, as the parties' systems would. */
final class Flow {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SEND_ATTACHMENTS = """
            {"attachments": [
              {"kind": "REFERRAL_LETTER", "title": "移送书", "sha256": "%1$s"},
              {"kind": "INVESTIGATION_REPORT", "title": "调查报告", "sha256": "%1$s"},
              {"kind": "SEIZED_ITEMS_LIST", "title": "涉案物品清单", "sha256": "%1$s"},
              {"kind": "EXPERT_OPINION", "title": "鉴定意见", "sha256": "%1$s"}]}""".formatted(SHA);

    private Flow() {}

    static String token(String agency, String... roles) {
        return TestInfra.get().token(agency, roles);
    }

    /** A new referral reported by {@code agency}'s case team; returns its id. */
    static String report(String agency, UUID caseId) {
        return given().auth()
                .oauth2(token(agency))
                .contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额12万元", "caseTeam": ["张伟", "李娜"]}""".formatted(caseId, caseId.toString().substring(0, 6)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String report(UUID caseId) {
        return report("TJ-AMR", caseId);
    }

    static Response step(String token, String id, String step, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body == null ? "{}" : body)
                .post("/api/v1/referrals/" + id + "/steps/" + step);
    }

    /** Takes a step that must succeed. */
    static Response ok(String token, String id, String step, String body) {
        Response response = step(token, id, step, body);
        response.then().statusCode(200);
        return response;
    }

    static String reason(String text) {
        return "{\"reason\": \"" + text + "\"}";
    }

    /** Report, approve and send to TJ-PSB; returns the referral id in state SENT. */
    static String sent(UUID caseId) {
        String id = report(caseId);
        ok(token("TJ-AMR", "head"), id, "APPROVE", null);
        ok(token("TJ-AMR"), id, "SEND", SEND_ATTACHMENTS);
        return id;
    }

    /** ... and received by TJ-PSB (state RECEIVED, the 3-day filing decision running). */
    static String received(UUID caseId) {
        String id = sent(caseId);
        ok(token("TJ-PSB"), id, "RECEIVE", null);
        return id;
    }

    static Response get(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/referrals/" + id);
    }
}
