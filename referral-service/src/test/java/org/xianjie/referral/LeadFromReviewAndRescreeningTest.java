package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseCategory;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.referral.domain.threshold.Figure;
import org.xianjie.referral.domain.threshold.OffenceRule;
import org.xianjie.referral.domain.threshold.ThresholdCondition;
import org.xianjie.referral.domain.threshold.ThresholdRuleSet;
import org.xianjie.referral.domain.threshold.ThresholdRules;
import org.xianjie.referral.service.ThresholdRescreening;

/**
 * Leads that do not come from screening a new decision: a procuratorate's review with outcome
 * LEAD_RAISED, and past decisions screened again when a threshold rule set is added.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class LeadFromReviewAndRescreeningTest {

    @Inject
    ThresholdRescreening rescreening;

    @Test
    void reviewWithOutcomeLeadRaisedCreatesALeadLinkedBothWaysAndAnnouncesIt() throws Exception {
        UUID caseId = UUID.randomUUID();
        LeadEvents.decided(caseId, "BH-AMR", "120116", "TRADEMARK", "{\"illegalBusinessVolume\": 1000}", "2026-03-10");
        LeadEvents.awaitDecision("TJ-PROC", caseId);
        assertThat(LeadEvents.leadsOf("TJ-PROC", caseId))
                .as("below every threshold")
                .isEmpty();
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            Map<String, Object> review = given().auth()
                    .oauth2(token("TJ-PROC"))
                    .contentType(ContentType.JSON)
                    .body("{\"outcome\": \"LEAD_RAISED\", \"note\": \"账外销售约二十万元，涉嫌以罚代刑\"}")
                    .post("/api/v1/penalty-decisions/" + caseId + "/reviews")
                    .then()
                    .statusCode(201)
                    .body("outcome", equalTo("LEAD_RAISED"))
                    .extract()
                    .path("$");
            String leadId = (String) review.get("leadId");
            assertThat(leadId).isNotNull();
            given().auth()
                    .oauth2(token("TJ-PROC"))
                    .get("/api/v1/leads/" + leadId)
                    .then()
                    .statusCode(200)
                    .body("origin", equalTo("PENALTY_REVIEW"))
                    .body("reviewId", equalTo(review.get("id")))
                    .body("procuratorate", equalTo("TJ-PROC"))
                    .body("region", equalTo("120116"))
                    .body("state", equalTo("OPEN"))
                    .body("grounds.note", equalTo("账外销售约二十万元，涉嫌以罚代刑"));
            given().auth()
                    .oauth2(token("BH-PROC"))
                    .get("/api/v1/leads/" + leadId)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(token("HP-PROC"))
                    .get("/api/v1/leads/" + leadId)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(token("TJ-PROC"))
                    .get("/api/v1/penalty-decisions/" + caseId)
                    .then()
                    .statusCode(200)
                    .body("reviews[0].leadId", equalTo(leadId));
            List<ConsumerRecord<String, String>> raised = topic.await(
                    r -> caseId.toString().equals(r.key())
                            && ReferralEventTypes.LEAD_RAISED.equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertThat(raised.get(0).value())
                    .contains("\"origin\":\"PENALTY_REVIEW\"", "\"reviewId\":\"" + review.get("id") + "\"");
        }
    }

    @Test
    void reviewRaisingALeadOnACaseWithAnOpenLeadNamesThatLead() {
        UUID caseId = UUID.randomUUID();
        LeadEvents.decided(caseId, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalBusinessVolume\": 90000}", "2026-03-10");
        String leadId = (String) LeadEvents.awaitLead("TJ-PROC", caseId).get("id");
        String reviewId = given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"LEAD_RAISED\", \"note\": \"同意筛查结果\"}")
                .post("/api/v1/penalty-decisions/" + caseId + "/reviews")
                .then()
                .statusCode(201)
                .body("leadId", equalTo(leadId))
                .extract()
                .path("id");
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + leadId)
                .then()
                .statusCode(200)
                .body("origin", equalTo("THRESHOLD_SCREENING"))
                .body("reviewId", equalTo(reviewId));
        assertThat(LeadEvents.leadsOf("TJ-PROC", caseId)).hasSize(1);
    }

    @Test
    void addedRuleSetScreensPastDecisionsInsideItsPeriodOnceAndItsLeadsSaySo() {
        UUID inPeriod = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        LeadEvents.decided(before, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalBusinessVolume\": 20000}", "2026-05-20");
        LeadEvents.decided(
                inPeriod, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalBusinessVolume\": 20000}", "2026-06-15");
        LeadEvents.awaitDecision("TJ-PROC", inPeriod);
        assertThat(LeadEvents.leadsOf("TJ-PROC", inPeriod))
                .as("below the 2025 thresholds")
                .isEmpty();

        String setId = "test-" + UUID.randomUUID().toString().substring(0, 8);
        ThresholdRules rules = withAddedSet(setId);
        List<ThresholdRescreening.Outcome> first =
                rescreening.rescreenChanged(rules).await().atMost(Duration.ofSeconds(60));
        assertThat(first).extracting(ThresholdRescreening.Outcome::ruleSetId).contains(setId);

        List<Map<String, Object>> leads = LeadEvents.leadsOf("TJ-PROC", inPeriod);
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0))
                .containsEntry("origin", "RULE_SET_RESCREENING")
                .containsEntry("ruleSet", setId)
                .containsEntry("conditionId", "213-test-volume");
        assertThat(LeadEvents.leadsOf("TJ-PROC", before))
                .as("decided before the set took effect")
                .isEmpty();

        assertThat(rescreening.rescreenChanged(rules).await().atMost(Duration.ofSeconds(60)))
                .as("unchanged set is not screened again")
                .extracting(ThresholdRescreening.Outcome::ruleSetId)
                .doesNotContain(setId);
        ThresholdRescreening.Outcome forced = rescreening
                .rescreenNow(
                        rules,
                        rules.ruleSets().stream()
                                .filter(s -> s.id().equals(setId))
                                .findFirst()
                                .orElseThrow())
                .await()
                .atMost(Duration.ofSeconds(60));
        assertThat(forced.leadsRaised()).isZero();
        assertThat(LeadEvents.leadsOf("TJ-PROC", inPeriod)).hasSize(1);
    }

    /** The shipped rules plus a set from 2026-06-01 that lowers art. 213's business volume to ¥10,000. */
    private static ThresholdRules withAddedSet(String id) {
        ThresholdRules shipped = ThresholdRules.loadDefault();
        List<ThresholdRuleSet> sets = new ArrayList<>(shipped.ruleSets());
        sets.add(new ThresholdRuleSet(
                id,
                "测试用规则集",
                LocalDate.of(2026, 6, 1),
                Map.of(
                        "213",
                        new OffenceRule(
                                "213",
                                "假冒注册商标罪",
                                List.of(new ThresholdCondition(
                                        "213-test-volume",
                                        Figure.ILLEGAL_BUSINESS_VOLUME,
                                        new BigDecimal("10000"),
                                        null,
                                        false,
                                        null,
                                        false,
                                        "非法经营数额在一万元以上（测试）"))))));
        Map<CaseCategory, List<String>> categories = new EnumMap<>(CaseCategory.class);
        for (CaseCategory category : CaseCategory.values()) {
            if (!shipped.offencesFor(category).isEmpty()) {
                categories.put(category, shipped.offencesFor(category));
            }
        }
        return new ThresholdRules(categories, sets);
    }
}
