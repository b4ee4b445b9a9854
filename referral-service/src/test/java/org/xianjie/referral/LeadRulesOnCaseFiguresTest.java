package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Each threshold of 法释〔2025〕5号 that needs a figure case-service did not record before (online
 * works, downloads, clicks, registered members, trade-secret loss or gains, service marks) raises a
 * lead from the figure as case events carry it.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class LeadRulesOnCaseFiguresTest {

    @ParameterizedTest(name = "{1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "COPYRIGHT    | {\"onlineWorks\": 500}                           | 217-online-works     | 500",
                "COPYRIGHT    | {\"downloads\": 10000}                            | 217-downloads        | 10000",
                "COPYRIGHT    | {\"clicks\": 2500000000}                         | 217-clicks           | 2500000000",
                "COPYRIGHT    | {\"registeredMembers\": 1000}                    | 217-members          | 1000",
                "TRADE_SECRET | {\"lossOrGains\": 300000.00}                     | 219-loss-or-gains    | 300000.00",
                "TRADEMARK    | {\"illegalGains\": 50000, \"serviceMark\": true} | 213-service-gains    | 50000",
                "TRADEMARK    | {\"illegalGains\": 30000, \"serviceMark\": true, \"marks\": 2} | 213-service-two-marks-gains | 30000",
            })
    void figureRecordedByCaseServiceRaisesItsLead(String category, String amounts, String condition, String value) {
        UUID caseId = UUID.randomUUID();
        LeadEvents.decided(caseId, "TJ-AMR", "120000", category, amounts, "2026-03-10");
        Map<String, Object> lead = LeadEvents.awaitLead("TJ-PROC", caseId);
        Object figure = given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + lead.get("id"))
                .then()
                .statusCode(200)
                .body("origin", equalTo("THRESHOLD_SCREENING"))
                .body("ruleSet", equalTo("2025"))
                .body("conditionId", equalTo(condition))
                .extract()
                .path("value");
        assertThat(new BigDecimal(figure.toString())).isEqualByComparingTo(value);
    }

    @Test
    void serviceMarkGainsBelowFiftyThousandRaiseNoLeadAlthoughGoodsMarkGainsWould() {
        UUID service = UUID.randomUUID();
        UUID goods = UUID.randomUUID();
        LeadEvents.decided(
                service,
                "TJ-AMR",
                "120000",
                "TRADEMARK",
                "{\"illegalGains\": 40000, \"serviceMark\": true}",
                "2026-03-10");
        LeadEvents.decided(goods, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalGains\": 40000}", "2026-03-10");
        Map<String, Object> lead = LeadEvents.awaitLead("TJ-PROC", goods); // the service-mark case went first
        assertThat(lead.get("conditionId")).isEqualTo("213-gains");
        assertThat(LeadEvents.leadsOf("TJ-PROC", service)).isEmpty();
    }

    @Test
    void onlineFiguresBeforeThe2025InterpretationRaiseNoLead() {
        UUID before = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        LeadEvents.decided(before, "TJ-CULTURE", "120000", "COPYRIGHT", "{\"downloads\": 900000}", "2025-04-25");
        LeadEvents.decided(marker, "TJ-CULTURE", "120000", "COPYRIGHT", "{\"downloads\": 900000}", "2025-04-26");
        assertThat(LeadEvents.awaitLead("TJ-PROC", marker).get("conditionId")).isEqualTo("217-downloads");
        assertThat(LeadEvents.leadsOf("TJ-PROC", before)).isEmpty();
    }
}
