package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.reason;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.referral.service.NoPenaltyAfterReturnWorker;

/**
 * The reverse direction (不刑不罚): a case the police return for administrative handling that gets no
 * penalty decision within the limit (here 3 s of clock time instead of 2 months) raises one lead for
 * the procuratorate; a case penalised raises none.
 */
@QuarkusTest
@TestProfile(NoPenaltyAfterReturnTest.ShortLimit.class)
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class NoPenaltyAfterReturnTest {

    /** A 3-second limit checked every second, so that the test need not wait two months. */
    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("xianjie.leads.no-penalty.clock-limit", "PT3S", "xianjie.leads.no-penalty-poll", "1s");
        }
    }

    @Inject
    NoPenaltyAfterReturnWorker worker;

    @Test
    void caseReturnedWithNoCrimeAndNeverPenalisedRaisesOneLeadForTheProcuratorate() {
        UUID penalised = UUID.randomUUID();
        UUID unpenalised = UUID.randomUUID();
        LeadEvents.decided(
                penalised, "TJ-AMR", "120000", "TRADEMARK", "{\"illegalBusinessVolume\": 1000}", "2026-03-10");
        LeadEvents.awaitDecision("TJ-PROC", penalised);
        returnedNoCrime(penalised);
        returnedNoCrime(unpenalised);

        Map<String, Object> lead = LeadEvents.awaitLead("TJ-PROC", unpenalised);
        assertThat(lead)
                .containsEntry("origin", "NO_PENALTY_AFTER_RETURN")
                .containsEntry("procuratorate", "TJ-PROC")
                .containsEntry("agency", "TJ-AMR")
                .containsEntry("state", "OPEN");
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/leads/" + lead.get("id"))
                .then()
                .statusCode(200)
                .body("grounds.handedBackBy", equalTo("RETURN_NO_CRIME"));
        given().auth()
                .oauth2(token("BH-PROC"))
                .get("/api/v1/leads/" + lead.get("id"))
                .then()
                .statusCode(404);
        assertThat(LeadEvents.leadsOf("TJ-PROC", penalised))
                .as("the agency penalised it")
                .isEmpty();

        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(reason("已督促市场监管部门处罚"))
                .post("/api/v1/leads/" + lead.get("id") + "/dismiss")
                .then()
                .statusCode(200);
        worker.runOnce().await().atMost(Duration.ofSeconds(60));
        worker.runOnce().await().atMost(Duration.ofSeconds(60));
        List<Map<String, Object>> leads = LeadEvents.leadsOf("TJ-PROC", unpenalised);
        assertThat(leads).as("raised once, not again after it was dismissed").hasSize(1);
    }

    /** Reported, sent, received and filed by TJ-PSB, then returned: no crime (Decree 310 art. 13). */
    private static void returnedNoCrime(UUID caseId) {
        String id = Flow.received(caseId);
        ok(token("TJ-PSB"), id, "FILE", null);
        ok(token("TJ-PSB"), id, "RETURN_NO_CRIME", reason("经侦查，不构成犯罪，退回行政处理"));
    }
}
