package org.xianjie.referral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.ok;
import static org.xianjie.referral.Flow.step;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralForwardedPathTest {

    @Test
    void policeOutOfJurisdictionForwardsToTheCompetentPoliceWhichThenFiles() {
        String id = Flow.sent(UUID.randomUUID());
        ok(token("TJ-PSB"), id, "RECEIVE_OUT_OF_JURISDICTION", null)
                .then()
                .body("state", equalTo("RECEIVED_FOR_FORWARDING"))
                .body("deadlines.code", contains("FORWARDING"));
        step(token("TJ-PSB"), id, "FORWARD", null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("targetAgency"));
        step(token("TJ-PSB"), id, "FORWARD", "{\"targetAgency\": \"TJ-PROC\"}")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("targetAgency"));
        ok(token("TJ-PSB"), id, "FORWARD", "{\"targetAgency\": \"BH-PSB\", \"note\": \"属滨海新区管辖\"}")
                .then()
                .body("state", equalTo("FORWARDED"))
                .body("parties.police", equalTo("BH-PSB"))
                .body("parties.forwardedFrom", equalTo("TJ-PSB"))
                .body("deadlines", hasSize(0));
        step(token("TJ-PSB"), id, "RECEIVE", null).then().statusCode(403);
        get(token("TJ-PSB"), id).then().statusCode(200).body("allowedSteps", hasSize(0));
        ok(token("BH-PSB"), id, "RECEIVE", null).then().body("deadlines[0].responsibleAgency", equalTo("BH-PSB"));
        ok(token("BH-PSB"), id, "FILE", null).then().body("state", equalTo("FILED"));
    }
}
