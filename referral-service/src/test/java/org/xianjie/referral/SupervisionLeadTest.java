package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.platform.pii.IdentityHasher;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class SupervisionLeadTest {

    @Test
    void penaltyDecisionAboveThresholdRaisesALeadForTheProcuratorateWithinSeconds() throws Exception {
        UUID caseId = UUID.randomUUID();
        publishPenalty(caseId, "TJ-AMR", "120000", "120000.00", 1);
        String leadId = awaitLead("TJ-PROC", caseId);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("agency", equalTo("TJ-AMR"))
                .body("ruleSet", equalTo("2025"))
                .body("offence", equalTo("213 假冒注册商标罪"))
                .body("conditionId", equalTo("213-volume"))
                .body("value", equalTo(120000.00f))
                .body("threshold", equalTo(50000));
        given().auth().oauth2(token("TJ-AMR")).get("/api/v1/leads").then().statusCode(403);
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/leads/" + leadId + "/dismiss")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"已另案移送\"}")
                .post("/api/v1/leads/" + leadId + "/dismiss")
                .then()
                .statusCode(200)
                .body("state", equalTo("DISMISSED"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"再次\"}")
                .post("/api/v1/leads/" + leadId + "/escalate")
                .then()
                .statusCode(409);
    }

    @Test
    void penaltyBelowThresholdOrAlreadyReferredRaisesNoLead() throws Exception {
        UUID below = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        Flow.report(referred);
        publishPenalty(below, "TJ-AMR", "120000", "1000", 1);
        publishPenalty(referred, "TJ-AMR", "120000", "900000", 1);
        UUID marker = UUID.randomUUID();
        publishPenalty(marker, "TJ-AMR", "120000", "70000", 1);
        awaitLead("TJ-PROC", marker); // the events before it on the same partition order are processed by now
        List<String> cases = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .extract()
                .path("caseId");
        assertThat(cases).doesNotContain(below.toString(), referred.toString());
    }

    @Test
    void knownCaseOfAnotherAgencyCannotBeReferredByThisOneButByItsOwner() throws Exception {
        UUID caseId = UUID.randomUUID();
        publishPenalty(caseId, "TJ-IPO", "120000", "900000", 1);
        awaitLead("TJ-PROC", caseId); // the case is known once its lead shows
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body(
                        "{\"caseId\": \"%s\", \"caseNumber\": \"1\", \"caseTitle\": \"t\", \"category\": \"TRADEMARK\", \"caseTeam\": [\"张伟\", \"李娜\"]}"
                                .formatted(caseId))
                .post("/api/v1/referrals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-IPO"))
                .contentType(ContentType.JSON)
                .body("{\"caseId\": \"%s\", \"caseTeam\": [\"张伟\", \"李娜\"]}".formatted(caseId))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("caseNumber", org.hamcrest.Matchers.startsWith("津市监处"))
                .body("category", equalTo("TRADEMARK"));
    }

    @Test
    void repeatOffenderPenalisedWithinTwoYearsReachesTheLowerThreshold() throws Exception {
        // the keyed hashes case-service publishes: HMAC under the suite's key, as keyId:hex
        IdentityHasher hasher = IdentityHasher.parse(TestInfra.get().keys().identityHmacKeys());
        String number = "12010119900101" + String.format("%04d", (int) (Math.random() * 10000));
        String party = hasher.hashes(number).get(0);
        String other = hasher.hashes(number.substring(0, 14) + "X" + number.substring(15))
                .get(0);
        UUID earlier = UUID.randomUUID();
        UUID firstTime = UUID.randomUUID();
        UUID repeat = UUID.randomUUID();
        // ¥40,000 is below the ¥50,000 threshold but reaches the ¥30,000 one for repeat offenders (2025 set).
        publishPenalty(earlier, "TJ-AMR", "120000", "5000", 1, party, "2025-09-01");
        publishPenalty(firstTime, "TJ-AMR", "120000", "40000", 1, other, "2026-03-10");
        publishPenalty(repeat, "TJ-AMR", "120000", "40000", 1, party, "2026-03-10");
        String leadId = awaitLead("TJ-PROC", repeat);
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(200)
                .body("conditionId", equalTo("213-repeat-volume"))
                .body("threshold", equalTo(30000));
        List<String> cases = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .extract()
                .path("caseId");
        assertThat(cases).doesNotContain(earlier.toString(), firstTime.toString());
    }

    /** Case events reach referral-service asynchronously: waits for the case's lead and returns its id. */
    private static String awaitLead(String procuratorate, UUID caseId) {
        return org.awaitility.Awaitility.await("a lead for case " + caseId)
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(
                        () -> given()
                                .auth()
                                .oauth2(token(procuratorate))
                                .get("/api/v1/leads")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("$")
                                .stream()
                                .filter(lead -> caseId.toString().equals(lead.get("caseId")))
                                .map(lead -> (String) lead.get("id"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** A CloudEvent exactly as case-service's outbox relay writes it: ce_* headers, data as the value. */
    static void publishPenalty(UUID caseId, String agency, String region, String volume, long version) {
        publishPenalty(caseId, agency, region, volume, version, null, "2026-03-10");
    }

    static void publishPenalty(
            UUID caseId,
            String agency,
            String region,
            String volume,
            long version,
            String partyIdentityHash,
            String decisionDate) {
        String data = """
                {"caseId":"%s","agencyCode":"%s","caseNumber":"津市监处〔2026〕%s号","category":"TRADEMARK",
                 "region":"%s","title":"销售假冒注册商标的商品案","state":"PENALTY_DECIDED",
                 "amounts":{"illegalBusinessVolume":%s,"marks":1},
                 "penalty":{"decisionNumber":"津市监罚〔2026〕1号","decisionDate":"%s","fine":50000},
                 "partyIdentityHashes":[%s],"evidenceCount":2,"version":%d}""".formatted(
                        caseId,
                        agency,
                        caseId.toString().substring(0, 4),
                        region,
                        volume,
                        decisionDate,
                        partyIdentityHash == null ? "" : "\"" + partyIdentityHash + "\"",
                        version);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/xianjie/case-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", CaseEventTypes.PENALTY_DECIDED.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", ("cases/" + caseId).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // One partition for every event of this class, so that they are consumed in the order sent
            // (a marker or an earlier penalty is then known to be processed first).
            producer.send(new ProducerRecord<>("xianjie.case.events", 0, caseId.toString(), data, headers))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
