package org.xianjie.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Services;

/**
 * Authorization over every path the three services document: the OpenAPI documents are read at
 * run time, every path and method is called with the ids of one agency's objects, with tokens of
 * every agency type of another district (Binhai 120116, Heping 120101), of the city level
 * (120000) that is no party to them and of another province (Shandong, Qingdao, Huangdao), each
 * holding every role (officer, head, admin), so that only the agency rule can refuse. The city
 * procuratorate TJ-PROC is no such outsider: it supervises 120000 and every region beneath it. A non-party must get 404 or 403 (or exactly what a never-existing id
 * gets), never a 2xx, a 409 or a 5xx, and no list may show a foreign object. A new endpoint is
 * covered without a new test: its path parameters are filled from the created objects by name.
 */
class OpenApiAuthorizationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** Agency types of two districts and the city level; none is a party to TJ-AMR's objects below. */
    static final List<String> NON_PARTIES = List.of(
            "BH-AMR",
            "BH-CULTURE",
            "BH-PSB",
            "BH-PROC",
            "BH-COURT",
            "HP-AMR",
            "HP-PSB",
            "HP-PROC",
            "HP-COURT",
            "TJ-IPO",
            "TJ-CUSTOMS",
            "TJ-CULTURE",
            "TJ-AGRI",
            "TJ-MPA",
            "TJ-TOBACCO",
            "TJ-COURT",
            // another province at every level: a procuratorate above Qingdao is no ancestor of Tianjin
            "SD-PROC",
            "QD-PROC",
            "QD-PSB",
            "QD-AMR",
            "HD-PROC");

    static final String[] ALL_ROLES = {"officer", "head", "admin"};
    /** Steps tried on every referral path that takes one: each party type's, start to end. */
    static final List<String> STEPS = List.of(
            "APPROVE",
            "SEND",
            "RECEIVE",
            "FILE",
            "REQUEST_EARLY_INTERVENTION",
            "ANSWER_EARLY_INTERVENTION",
            "REQUEST_EXPLANATION",
            "HAND_OVER_FOR_REVIEW",
            "SEND_OPINION",
            "ACCEPT_CASE",
            "REPLY_TO_OPINION");

    /** TJ-AMR's objects by resource name: case, referral (several states), lead, notification, webhook, shared items. */
    static final Map<String, List<String>> OBJECTS = new LinkedHashMap<>();

    static String reportedReferral;
    static String approvedReferral;
    static String reportedCase;
    static String leadCase;

    @BeforeAll
    static void createObjectsOfOneAgency() {
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 10_000)
                        .setParam("http.connection.timeout", 5_000));
        // a case with a penalty above the threshold and no referral: a lead for TJ-PROC
        leadCase = Api.openTrademarkCase(Api.caseNumber());
        Api.decidePenalty(leadCase);
        // a case referred, sent and received (TJ-AMR is notified of the receipt)
        String sentNumber = Api.caseNumber();
        String sentCase = Api.openTrademarkCase(sentNumber);
        String received = Api.referAndSend(sentCase, sentNumber);
        Api.as(Services.REFERRAL, "TJ-PSB")
                .body("{}")
                .post("/api/v1/referrals/" + received + "/steps/RECEIVE")
                .then()
                .statusCode(200);
        // a case whose referral is only reported, and one approved but not sent
        String reportedNumber = Api.caseNumber();
        reportedCase = Api.openTrademarkCase(reportedNumber);
        reportedReferral = report(reportedCase, reportedNumber);
        approvedReferral = report(UUID.randomUUID().toString(), Api.caseNumber());
        Api.as(Services.REFERRAL, "TJ-AMR", "head")
                .body("{}")
                .post("/api/v1/referrals/" + approvedReferral + "/steps/APPROVE")
                .then()
                .statusCode(200);
        String webhook = Api.as(Services.NOTIFICATION, "TJ-AMR", "admin")
                .body("""
                        {"url": "https://case-system.tjamr.example/hooks/xianjie",
                         "eventTypes": ["org.xianjie.referral.*"], "description": "办案系统"}""")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String lead = awaitValue("TJ-PROC's lead for case " + leadCase, () -> {
            List<Map<String, Object>> leads = Api.as(Services.REFERRAL, "TJ-PROC")
                    .get("/api/v1/leads")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("$");
            return leads.stream()
                    .filter(l -> leadCase.equals(l.get("caseId")))
                    .map(l -> (String) l.get("id"))
                    .findFirst()
                    .orElse(null);
        });
        String notification = awaitValue("TJ-AMR's notification of the receipt", () -> {
            String body = Api.as(Services.NOTIFICATION, "TJ-AMR")
                    .queryParam("limit", 200)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (JsonNode n : items(body)) {
                if (received.equals(n.path("referralId").asText())) {
                    return n.path("id").asText();
                }
            }
            return null;
        });
        for (String referral : List.of(received, reportedReferral, approvedReferral)) {
            Api.await(
                    "timeline of " + referral,
                    Duration.ofSeconds(20),
                    () -> Api.as(Services.NOTIFICATION, "TJ-AMR")
                                    .get("/api/v1/referrals/" + referral + "/timeline")
                                    .statusCode()
                            == 200);
        }
        OBJECTS.put("case", List.of(leadCase, sentCase, reportedCase));
        OBJECTS.put("referral", List.of(received, reportedReferral, approvedReferral));
        OBJECTS.put("lead", List.of(lead));
        OBJECTS.put("notification", List.of(notification));
        OBJECTS.put("webhook", List.of(webhook));
        // shared items of TJ-AMR addressed to the city's police and procuratorate only (no non-party above)
        OBJECTS.put(
                "clue",
                List.of(Api.as(Services.REFERRAL, "TJ-AMR")
                        .body("""
                        {"title": "销售假冒商标商品线索", "what": "某店铺销售假冒商品", "to": ["TJ-PSB"]}""")
                        .post("/api/v1/clues")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
        OBJECTS.put(
                "consultation",
                List.of(Api.as(Services.REFERRAL, "TJ-AMR")
                        .body("""
                        {"to": "TJ-PSB", "title": "是否达到追诉标准", "question": "违法所得尚在核实，是否宜先行移送？"}""")
                        .post("/api/v1/consultations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
        OBJECTS.put(
                "meeting",
                List.of(Api.as(Services.REFERRAL, "TJ-AMR")
                        .body("""
                        {"title": "联席会议", "region": "120000", "participants": ["TJ-PSB", "TJ-PROC"]}""")
                        .post("/api/v1/meetings")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
    }

    @Test
    void noNonPartyReachesAnotherAgencysObjectByAnyDocumentedPath() throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Services service : Services.all()) {
            JsonNode doc = openApi(service);
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
                            || isStream(path.getKey(), op.getValue())) {
                        continue;
                    }
                    String body = exampleBody(op.getValue());
                    if (!PARAM.matcher(path.getKey()).find()) {
                        if (method.equals("GET")) {
                            calls += checkList(service, path.getKey(), failures);
                        }
                        continue; // a collection POST creates the caller's own object; see the explicit tests
                    }
                    for (String concrete : substitutions(path.getKey())) {
                        String unknown = concrete;
                        for (List<String> ids : OBJECTS.values()) {
                            for (String id : ids) {
                                unknown = unknown.replace(id, UUID.randomUUID().toString());
                            }
                        }
                        for (String agency : NON_PARTIES) {
                            calls++;
                            Response r = call(service, method, concrete, agency, body);
                            if (r.statusCode() == 403 || r.statusCode() == 404) {
                                continue;
                            }
                            // anything else must be exactly what a never-existing id gets: nothing learned
                            Response baseline = call(service, method, unknown, agency, body);
                            if (r.statusCode() >= 500
                                    || r.statusCode() < 400
                                    || r.statusCode() == 409
                                    || r.statusCode() != baseline.statusCode()) {
                                failures.add(agency + " " + method + " " + service + concrete + " -> "
                                        + r.statusCode() + " (unknown id: " + baseline.statusCode() + ") "
                                        + abbreviate(r.asString()));
                            }
                        }
                    }
                }
            }
        }
        System.out.println("[authz] " + calls + " calls by " + NON_PARTIES.size() + " non-party agencies");
        assertThat(calls).isGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    @Test
    void aProcuratorateOfAnotherDistrictCannotOpenAReverseReferralOnACityCase() {
        String reverse = """
                {"caseId": "%s", "startStep": "RECORD_NON_PROSECUTION", "agencyCode": "TJ-AMR", "reason": "相对不起诉",
                 "caseNumber": "1", "caseTitle": "t", "category": "TRADEMARK"}""";
        for (String procuratorate : List.of("BH-PROC", "HP-PROC")) {
            Api.as(Services.REFERRAL, procuratorate, ALL_ROLES)
                    .body(reverse.formatted(leadCase))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            // the case has an open referral: the 404 must not name it or its state
            String body = Api.as(Services.REFERRAL, procuratorate, ALL_ROLES)
                    .body(reverse.formatted(reportedCase))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(404)
                    .extract()
                    .asString();
            assertThat(body).doesNotContain(reportedReferral).doesNotContain("REPORTED");
        }
        for (String agency : List.of("BH-PROC", "BH-PSB", "HP-PROC", "HP-PSB")) {
            assertThat(Api.as(Services.CASE, agency)
                            .get("/api/v1/cases/" + leadCase)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(Api.as(Services.REFERRAL, agency)
                            .get("/api/v1/referrals")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .doesNotContain(leadCase);
        }
        // another agency cannot report TJ-AMR's case either, nor learn of its referral from a conflict
        String report = """
                {"caseId": "%s", "caseNumber": "1", "caseTitle": "t", "category": "TRADEMARK",
                 "caseTeam": ["王强", "赵敏"]}""";
        Api.as(Services.REFERRAL, "TJ-TOBACCO", ALL_ROLES)
                .body(report.formatted(leadCase))
                .post("/api/v1/referrals")
                .then()
                .statusCode(404);
        assertThat(Api.as(Services.REFERRAL, "TJ-IPO", ALL_ROLES)
                        .body(report.formatted(reportedCase))
                        .post("/api/v1/referrals")
                        .then()
                        .statusCode(404)
                        .extract()
                        .asString())
                .doesNotContain(reportedReferral);
        // the city procuratorate of the case's own region may open it
        Api.as(Services.REFERRAL, "TJ-PROC")
                .body(reverse.formatted(leadCase))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void theCityProcuratorateSupervisesADistrictsPenaltyDecisionAndNoOtherProcuratorateSeesIt() {
        String caseId = Api.as(Services.CASE, "BH-AMR")
                .body("""
                        {"caseNumber": "%s", "category": "TRADEMARK", "title": "销售假冒注册商标的商品",
                         "openedOn": "2026-03-02", "amounts": {"illegalBusinessVolume": 9000.00, "marks": 1}}""".formatted(Api.caseNumber()))
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(Services.CASE, "BH-AMR")
                .body("""
                        {"decisionNumber": "津滨市监罚〔2026〕%s号", "decisionDate": "2026-06-10", "fine": 20000.00}""".formatted(caseId.substring(0, 6)))
                .post("/api/v1/cases/" + caseId + "/penalty")
                .then()
                .statusCode(200);
        Api.as(Services.CASE, "TJ-PROC").get("/api/v1/cases/" + caseId).then().statusCode(200);
        Api.await(
                "TJ-PROC sees Binhai's penalty decision",
                Duration.ofSeconds(30),
                () -> Api.as(Services.REFERRAL, "TJ-PROC")
                                .get("/api/v1/penalty-decisions/" + caseId)
                                .statusCode()
                        == 200);
        Api.as(Services.REFERRAL, "BH-PROC")
                .get("/api/v1/penalty-decisions/" + caseId)
                .then()
                .statusCode(200)
                .body("reviewed", org.hamcrest.Matchers.equalTo(false));
        // a sibling, the other province at every level, and the city's other agencies: nothing
        for (String agency : List.of("HP-PROC", "SD-PROC", "QD-PROC", "HD-PROC", "TJ-PSB", "TJ-AMR", "TJ-COURT")) {
            Api.as(Services.CASE, agency, ALL_ROLES)
                    .get("/api/v1/cases/" + caseId)
                    .then()
                    .statusCode(404);
            Api.as(Services.REFERRAL, agency, ALL_ROLES)
                    .get("/api/v1/penalty-decisions/" + caseId)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            Api.as(Services.REFERRAL, agency, ALL_ROLES)
                    .body("{\"outcome\": \"NO_ISSUE\", \"note\": \"无权\"}")
                    .post("/api/v1/penalty-decisions/" + caseId + "/reviews")
                    .then()
                    .statusCode(404);
        }
        Api.as(Services.REFERRAL, "TJ-PROC")
                .body("{\"outcome\": \"NO_ISSUE\", \"note\": \"市院审查，处罚适当\"}")
                .post("/api/v1/penalty-decisions/" + caseId + "/reviews")
                .then()
                .statusCode(201);
        Api.as(Services.REFERRAL, "BH-PROC")
                .get("/api/v1/penalty-decisions/" + caseId)
                .then()
                .statusCode(200)
                .body("reviewed", org.hamcrest.Matchers.equalTo(true))
                .body("reviews[0].procuratorate", org.hamcrest.Matchers.equalTo("TJ-PROC"));
    }

    @Test
    void thePoliceLearnNothingOfAReferralBeforeItIsSent() {
        for (String referral : List.of(reportedReferral, approvedReferral)) {
            Api.as(Services.REFERRAL, "TJ-PSB")
                    .get("/api/v1/referrals/" + referral)
                    .then()
                    .statusCode(404);
            Api.as(Services.NOTIFICATION, "TJ-PSB")
                    .get("/api/v1/referrals/" + referral + "/timeline")
                    .then()
                    .statusCode(404);
            Api.as(Services.REFERRAL, "TJ-PSB")
                    .body("{}")
                    .post("/api/v1/referrals/" + referral + "/steps/ANSWER_EARLY_INTERVENTION")
                    .then()
                    .statusCode(404);
        }
        String list = Api.as(Services.REFERRAL, "TJ-PSB")
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).doesNotContain(reportedReferral).doesNotContain(approvedReferral);
        Api.as(Services.CASE, "TJ-PSB")
                .get("/api/v1/cases/" + reportedCase)
                .then()
                .statusCode(404);
        assertThat(Api.as(Services.NOTIFICATION, "TJ-PSB")
                        .queryParam("limit", 200)
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain(reportedReferral);
        // the procuratorate of the region reads it from the start
        Api.as(Services.REFERRAL, "TJ-PROC")
                .get("/api/v1/referrals/" + reportedReferral)
                .then()
                .statusCode(200);
    }

    @Test
    void onlyThePlatformOperatorChangesTheHolidayCalendar() {
        String year = "{\"restDays\": [\"2099-01-01\"], \"makeUpWorkingDays\": []}";
        for (String agency : List.of("TJ-TOBACCO", "TJ-AMR", "TJ-PROC", "BH-PSB")) {
            Api.as(Services.REFERRAL, agency, ALL_ROLES)
                    .body(year)
                    .put("/api/v1/admin/calendar/2099")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.as(Services.REFERRAL, "TJ-PROC", "platform-operator")
                .body(year)
                .put("/api/v1/admin/calendar/2099")
                .then()
                .statusCode(200);
    }

    // --- helpers ---

    private static String report(String caseId, String number) {
        return Api.as(Services.REFERRAL, "TJ-AMR")
                .body("""
                        {"caseId": "%s", "caseNumber": "%s", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额8.6万元", "caseTeam": ["张伟", "李娜"]}""".formatted(caseId, number))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Lists must show none of TJ-AMR's objects to a non-party. */
    private static int checkList(Services service, String path, List<String> failures) {
        int calls = 0;
        for (String agency : NON_PARTIES) {
            calls++;
            Response r = call(service, "GET", path, agency, null);
            if (r.statusCode() >= 500) {
                failures.add(agency + " GET " + service + path + " -> " + r.statusCode());
                continue;
            }
            String body = r.asString();
            OBJECTS.values().stream()
                    .flatMap(List::stream)
                    .filter(body::contains)
                    .forEach(id -> failures.add(agency + " GET " + service + path + " lists " + id));
        }
        return calls;
    }

    /** Every concrete path: each parameter filled from the created objects by name. */
    static List<String> substitutions(String template) {
        List<String> paths = new ArrayList<>(List.of(template));
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            List<String> values = values(name, template.substring(0, m.start()));
            List<String> next = new ArrayList<>();
            for (String p : paths) {
                for (String v : values) {
                    next.add(p.replace("{" + name + "}", v));
                }
            }
            paths = next;
        }
        return paths;
    }

    static List<String> values(String name, String before) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("step")) {
            return STEPS;
        }
        if (n.equals("year")) {
            return List.of("2099");
        }
        String resource = n.endsWith("id") && n.length() > 2 ? n.substring(0, n.length() - 2) : null;
        if (resource == null || !OBJECTS.containsKey(resource)) {
            // {id}: the collection named by the segment before it (cases → case)
            String[] segments = before.split("/");
            String collection = segments.length == 0 ? "" : segments[segments.length - 1];
            resource = collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        }
        if (OBJECTS.containsKey(resource)) {
            return OBJECTS.get(resource);
        }
        if (n.endsWith("id")) {
            // an id of something not created here (a delivery, say): a number or any of the objects
            List<String> any = new ArrayList<>(List.of("1"));
            OBJECTS.values().forEach(any::addAll);
            return any;
        }
        return List.of("x");
    }

    private static Response call(Services service, String method, String path, String agency, String body) {
        var request = given().baseUri(RunningSuite.get().url(service))
                .auth()
                .oauth2(RunningSuite.token(agency, ALL_ROLES))
                .contentType(ContentType.JSON);
        if (body != null && !method.equals("GET") && !method.equals("DELETE")) {
            request.body(body);
        }
        return request.request(method, path);
    }

    private static JsonNode openApi(Services service) throws Exception {
        String doc = given().baseUri(RunningSuite.get().url(service))
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(doc);
    }

    /** Server-sent event streams stay open; their authorization is the inbox's, covered by the list. */
    private static boolean isStream(String path, JsonNode op) {
        return path.endsWith("/stream") || op.path("responses").toString().contains("text/event-stream");
    }

    /** The documented example body, if any, so that authorization rather than validation answers. */
    private static String exampleBody(JsonNode op) {
        JsonNode json = op.path("requestBody").path("content").path("application/json");
        if (json.has("example")) {
            return json.get("example").toString();
        }
        for (JsonNode example : json.path("examples")) {
            if (example.has("value")) {
                JsonNode value = example.get("value");
                return value.isTextual() ? value.asText() : value.toString();
            }
        }
        return "{}";
    }

    private static Iterable<JsonNode> items(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.isArray() ? node : node.path("items");
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String awaitValue(String what, java.util.function.Supplier<String> probe) {
        String[] found = new String[1];
        Api.await(what, Duration.ofSeconds(30), () -> (found[0] = probe.get()) != null);
        return found[0];
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
