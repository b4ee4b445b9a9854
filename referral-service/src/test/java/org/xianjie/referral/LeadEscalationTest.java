package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Escalating a lead opens supervision of the missed referral (监督移送): the agency is asked to refer
 * by a due date counted as the law counts, and the request is met when the agency refers the case.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class LeadEscalationTest {

    @Test
    void escalatedLeadAsksTheAgencyToReferByADueDateAndIsMetByItsReferral() throws Exception {
        UUID caseId = UUID.randomUUID();
        LeadEvents.decided(
                caseId, "BH-AMR", "120116", "TRADEMARK", "{\"illegalBusinessVolume\": 900000}", "2026-03-10");
        String leadId = (String) LeadEvents.awaitLead("BH-PROC", caseId).get("id");
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            OffsetDateTime before = OffsetDateTime.now();
            String dueAt = given().auth()
                    .oauth2(token("TJ-PROC"))
                    .contentType(ContentType.JSON)
                    .body(Flow.reason("市院督办：建议移送公安机关"))
                    .post("/api/v1/leads/" + leadId + "/escalate")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ESCALATED"))
                    .body("referralRequest.state", equalTo("REQUESTED"))
                    .body("referralRequest.requestedAt", notNullValue())
                    .extract()
                    .path("referralRequest.dueAt");
            // 3 calendar days, the start day not counted: at least 3 days after the request
            assertThat(OffsetDateTime.parse(dueAt)).isAfter(before.plusDays(3));
            List<ConsumerRecord<String, String>> escalated = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && ReferralEventTypes.LEAD_ESCALATED.equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertThat(escalated.get(0).value()).contains("\"referralDueAt\"", "\"agency\":\"BH-AMR\"");

            String referralId = given().auth()
                    .oauth2(token("BH-AMR"))
                    .contentType(ContentType.JSON)
                    .body("{\"caseId\": \"%s\", \"caseTeam\": [\"张伟\", \"李娜\"]}".formatted(caseId))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token("BH-PROC"))
                            .get("/api/v1/leads/" + leadId)
                            .then()
                            .statusCode(200)
                            .body("referralRequest.state", equalTo("REFERRED"))
                            .body("referralRequest.referralId", equalTo(referralId)));
            List<ConsumerRecord<String, String>> referred = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && ReferralEventTypes.LEAD_REFERRED.equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertThat(referred.get(0).value()).contains("\"referralId\":\"" + referralId + "\"");
        }
        given().auth()
                .oauth2(token("HP-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(404);
    }

    @Test
    void dismissedLeadAsksForNoReferral() {
        UUID caseId = UUID.randomUUID();
        LeadEvents.decided(
                caseId, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalBusinessVolume\": 900000}", "2026-03-10");
        String leadId = (String) LeadEvents.awaitLead("TJ-PROC", caseId).get("id");
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body(Flow.reason("已另案处理"))
                .post("/api/v1/leads/" + leadId + "/dismiss")
                .then()
                .statusCode(200)
                .body("referralRequest", org.hamcrest.Matchers.nullValue());
    }
}
