package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xianjie.notification.Fixtures.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * 送达凭证: when the addressee's own system takes a notification (its webhook answers 2xx), the suite
 * signs an evidence of delivery that the addressee and the sender can fetch and check with
 * notification-service's public key and the JDK alone; nobody else learns it exists.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class NotificationDeliveryEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode evidences(String agency, String notificationId, int status) throws Exception {
        return JSON.readTree(given().auth()
                .oauth2(TestInfra.get().token(agency))
                .get("/api/v1/notifications/" + notificationId + "/evidences")
                .then()
                .statusCode(status)
                .extract()
                .asString());
    }

    private static boolean verifies(PublicKey key, String payload, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(signature));
    }

    @Test
    void aNotificationTakenByTheAddresseesWebhookHasASignedDeliveryEvidenceThatVerifiesOutsideTheSuite()
            throws Exception {
        try (TestReceiver agencySystem = new TestReceiver()) {
            given().auth()
                    .oauth2(TestInfra.get().token("BH-CULTURE", "admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"org.xianjie.referral.*\"]}"
                            .formatted(agencySystem.url()))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201);
            Fixtures.Referral declined = Fixtures.Referral.create();
            declined.stepWithParties("DECLINE", "DECLINED", "BH-PSB", "BH-CULTURE", "BH-PSB", "BH-PROC");

            TestReceiver.Request got = await(
                    () -> agencySystem.requests().stream()
                            .filter(q -> q.body().contains(declined.referralId().toString()))
                            .findFirst()
                            .orElse(null),
                    q -> q != null,
                    Duration.ofSeconds(30));
            String notificationId = got.id();

            JsonNode list = await(
                    () -> {
                        try {
                            return evidences("BH-CULTURE", notificationId, 200);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    l -> l.size() > 0,
                    Duration.ofSeconds(30));
            assertThat(list).hasSize(1);
            JsonNode evidence = list.get(0);
            assertThat(evidence.path("evidenceType").asText()).isEqualTo("DELIVERY");
            assertThat(evidence.path("subjectType").asText()).isEqualTo("notification");
            assertThat(evidence.path("subjectId").asText()).isEqualTo(notificationId);
            assertThat(evidence.path("addressee").asText()).isEqualTo("BH-CULTURE");
            assertThat(evidence.path("sender").asText()).isEqualTo("BH-PSB");

            // the verifier's own code: the JDK and the published key, nothing of the suite
            JsonNode published = JSON.readTree(given().get("/api/v1/notifications/integrity/public-key")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                            .decode(published
                                    .path("pem")
                                    .asText()
                                    .replace("-----BEGIN PUBLIC KEY-----", "")
                                    .replace("-----END PUBLIC KEY-----", ""))));
            String payload = evidence.path("payload").asText();
            String signature = evidence.path("signature").asText();
            assertThat(verifies(key, payload, signature)).isTrue();
            assertThat(verifies(key, payload.replace("BH-CULTURE", "BH-CULTURX"), signature))
                    .as("a changed word no longer verifies")
                    .isFalse();
            JsonNode signed = JSON.readTree(payload);
            assertThat(signed.path("evidenceType").asText()).isEqualTo("DELIVERY");
            assertThat(signed.path("subjectId").asText()).isEqualTo(notificationId);
            assertThat(signed.path("addressee").asText()).isEqualTo("BH-CULTURE");
            assertThat(signed.path("sender").asText()).isEqualTo("BH-PSB");
            assertThat(signed.path("actor").asText()).startsWith("webhook-endpoint:");
            assertThat(signed.path("issuer").asText()).isEqualTo("notification-service");
            assertThat(signed.path("keyId").asText())
                    .isEqualTo(published.path("jwk").path("kid").asText());
            assertThat(signed.path("at").asText()).isNotBlank();

            // the sender sees the same evidence; nobody else learns the notification exists
            assertThat(evidences("BH-PSB", notificationId, 200)).hasSize(1);
            evidences("BH-PROC", notificationId, 404);
            evidences("TJ-AMR", notificationId, 404);
            evidences("BH-CULTURE", UUID.randomUUID().toString(), 404);
        }
    }
}
