package org.xianjie.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.xianjie.localinfra.Services;

/** Requests to the running services as the agencies' systems make them. */
final class Api {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SEND_ATTACHMENTS = """
            {"attachments": [
              {"kind": "REFERRAL_LETTER", "title": "移送书", "sha256": "%1$s"},
              {"kind": "INVESTIGATION_REPORT", "title": "调查报告", "sha256": "%1$s"},
              {"kind": "SEIZED_ITEMS_LIST", "title": "涉案物品清单", "sha256": "%1$s"},
              {"kind": "EXPERT_OPINION", "title": "鉴定意见", "sha256": "%1$s"}]}""".formatted(SHA);

    private Api() {}

    static RequestSpecification as(Services service, String agency, String... roles) {
        return given().baseUri(RunningSuite.get().url(service))
                .auth()
                .oauth2(RunningSuite.token(agency, roles))
                .contentType(ContentType.JSON);
    }

    static String caseNumber() {
        return "津市监处〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
    }

    /** TJ-AMR opens a trademark case whose illegal business volume (¥86,000) is above the ¥50,000 threshold. */
    static String openTrademarkCase(String number) {
        return as(Services.CASE, "TJ-AMR")
                .body("""
                        {"caseNumber": "%s", "category": "TRADEMARK", "title": "销售假冒注册商标的商品",
                         "summary": "查获假冒运动鞋", "openedOn": "2026-03-02",
                         "amounts": {"illegalBusinessVolume": 86000.00, "illegalGains": 21000.00, "marks": 1},
                         "parties": [{"kind": "PERSON", "name": "张某", "identityNumber": "120101199001011234",
                                      "role": "经营者"}]}""".formatted(number))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void decidePenalty(String caseId) {
        as(Services.CASE, "TJ-AMR")
                .body("""
                        {"decisionNumber": "津市监罚〔2026〕%s号", "decisionDate": "2026-06-10", "fine": 258000.00,
                         "confiscation": 21000.00, "otherMeasures": "没收侵权商品"}""".formatted(caseId.substring(0, 6)))
                .post("/api/v1/cases/" + caseId + "/penalty")
                .then()
                .statusCode(200);
    }

    /** TJ-AMR reports, its head approves, and it sends the referral to TJ-PSB; returns the referral id. */
    static String referAndSend(String caseId, String number) {
        String id = as(Services.REFERRAL, "TJ-AMR")
                .body("""
                        {"caseId": "%s", "caseNumber": "%s", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额8.6万元", "caseTeam": ["张伟", "李娜"]}""".formatted(caseId, number))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Services.REFERRAL, "TJ-AMR", "head")
                .body("{}")
                .post("/api/v1/referrals/" + id + "/steps/APPROVE")
                .then()
                .statusCode(200);
        send(id);
        return id;
    }

    static void send(String referralId) {
        as(Services.REFERRAL, "TJ-AMR")
                .body(SEND_ATTACHMENTS)
                .post("/api/v1/referrals/" + referralId + "/steps/SEND")
                .then()
                .statusCode(200);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        // In the test's thread, as RestAssured expects.
        Awaitility.await(what)
                .atMost(timeout)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
