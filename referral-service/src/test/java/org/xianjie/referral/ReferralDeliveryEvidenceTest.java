package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * The sender of a referral obtains signed evidences that the suite accepted it and that a person of
 * the police received it, and checks them with referral-service's public key and the JDK alone.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class ReferralDeliveryEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSentAndReceivedReferralHasTwoSignedEvidencesThatVerifyOutsideTheSuite() throws Exception {
        UUID caseId = UUID.randomUUID();
        String id = Flow.received(caseId);

        JsonNode evidences = JSON.readTree(given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/referrals/" + id + "/evidences")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(evidences).hasSize(2);
        assertThat(evidences.get(0).path("evidenceType").asText()).isEqualTo("SUBMISSION_ACCEPTANCE");
        assertThat(evidences.get(1).path("evidenceType").asText()).isEqualTo("RETRIEVAL");

        String pem = JSON.readTree(given().get("/api/v1/referrals/integrity/public-key")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("pem")
                .asText();
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                                .replace("-----END PUBLIC KEY-----", ""))));
        for (JsonNode e : evidences) {
            String payload = e.path("payload").asText();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(
                            Base64.getUrlDecoder().decode(e.path("signature").asText())))
                    .as("signature of %s", e.path("evidenceType").asText())
                    .isTrue();
            JsonNode signed = JSON.readTree(payload);
            assertThat(signed.path("subjectType").asText()).isEqualTo("referral");
            assertThat(signed.path("subjectId").asText()).isEqualTo(id);
            assertThat(signed.path("sender").asText()).isEqualTo("TJ-AMR");
            assertThat(signed.path("addressee").asText()).isEqualTo("TJ-PSB");
            assertThat(signed.path("at").asText()).isNotBlank();
        }
        // a changed word no longer verifies
        Signature tampered = Signature.getInstance("Ed25519");
        tampered.initVerify(key);
        tampered.update(evidences
                .get(1)
                .path("payload")
                .asText()
                .replace("TJ-PSB", "TJ-PSX")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(tampered.verify(Base64.getUrlDecoder()
                        .decode(evidences.get(1).path("signature").asText())))
                .isFalse();

        // the referral's record verifies (its events and the attachment digests of SEND)
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/referrals/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("OK"))
                .body("length", equalTo(5))
                .body("chain", equalTo(caseId.toString()));
        // a non-party learns nothing
        given().auth()
                .oauth2(token("BH-PSB"))
                .get("/api/v1/referrals/" + id + "/evidences")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("BH-PSB"))
                .get("/api/v1/referrals/" + id + "/integrity")
                .then()
                .statusCode(404);
    }
}
