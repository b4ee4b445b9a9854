package org.xianjie.cases;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.xianjie.localinfra.TestInfra;

/** Requests as an agency system makes them. */
final class CaseApi {

    private CaseApi() {}

    static RequestSpecification as(String agency) {
        return given().auth().oauth2(TestInfra.get().token(agency)).contentType(ContentType.JSON);
    }

    static String number(String prefix) {
        return prefix + "〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String openBody(String number) {
        return """
                {"caseNumber": "%s", "category": "TRADEMARK", "title": "销售假冒注册商标的商品",
                 "summary": "查获假冒运动鞋", "openedOn": "2026-03-02",
                 "amounts": {"illegalBusinessVolume": 86000.00, "marks": 1},
                 "parties": [{"kind": "PERSON", "name": "张某", "identityNumber": "120101199001011234", "role": "经营者"}]}""".formatted(number);
    }

    static String open(String agency, String number) {
        return as(agency)
                .body(openBody(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse post(String agency, String caseId, String action, String body) {
        return as(agency)
                .body(body)
                .post("/api/v1/cases/" + caseId + "/" + action)
                .then();
    }

    static final String PENALTY = """
            {"decisionNumber": "津市监罚〔2026〕12号", "decisionDate": "2026-04-10", "fine": 258000.00,
             "confiscation": 21000.00, "otherMeasures": "没收侵权商品"}""";
    static final String CLOSE = "{\"closedOn\": \"2026-05-20\", \"reason\": \"罚没款已缴清\"}";
    static final String FACTS = """
            {"summary": "经查销售金额86000元", "amounts": {"illegalBusinessVolume": 86000.00, "illegalGains": 21000.00,
             "sales": 86000.00, "unsoldGoodsValue": 120000.00, "copies": 0, "marks": 2}}""";

    static String evidence(String sha) {
        return """
                {"type": "INSPECTION_REPORT", "description": "鉴定意见书", "sha256": "%s",
                 "recordedAt": "2026-03-05T10:15:00+08:00"}""".formatted(sha);
    }

    static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
