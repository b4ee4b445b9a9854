package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.cases.CaseApi.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Checkpoints seal a case's chain under case-service's Ed25519 key: an agency verifies one with the
 * JDK alone, and a chain rewritten after it was sealed (every hash recomputed) no longer verifies.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseCheckpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedCheckpointVerifiesWithThePublicKeyAloneAndExposesARewrittenChain() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);
        String chain = hex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));

        // the public key, fetched without a token, read with the JDK alone
        JsonNode key = JSON.readTree(RestAssured.given()
                .get("/api/v1/cases/integrity/public-key")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        byte[] spki = Base64.getMimeDecoder()
                .decode(key.path("pem")
                        .asText()
                        .replace("-----BEGIN PUBLIC KEY-----", "")
                        .replace("-----END PUBLIC KEY-----", ""));
        assertThat(Base64.getUrlDecoder().decode(key.path("jwk").path("x").asText()))
                .isEqualTo(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));

        // the scheduler seals the case's head into a checkpoint
        AtomicReference<JsonNode> sealed = new AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode list = read(CaseApi.as("BH-PSB")
                    .get("/api/v1/cases/integrity/checkpoints?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            for (JsonNode c : list) {
                for (JsonNode head : read(c.path("payload").asText()).path("heads")) {
                    if (head.path("chain").asText().equals(chain)
                            && head.path("sequence").asLong() == 2) {
                        sealed.set(c);
                    }
                }
            }
            assertThat(sealed.get())
                    .as("a checkpoint sealing the case's second entry")
                    .isNotNull();
        });
        JsonNode checkpoint = sealed.get();
        String payload = checkpoint.path("payload").asText();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder()
                        .decode(checkpoint.path("signature").asText())))
                .as("Ed25519 signature of the checkpoint")
                .isTrue();
        assertThat(JSON.readTree(payload).path("keyId").asText())
                .isEqualTo(key.path("keyId").asText());
        String sealedHash = null;
        for (JsonNode head : JSON.readTree(payload).path("heads")) {
            if (head.path("chain").asText().equals(chain)) {
                sealedHash = head.path("hash").asText();
            }
        }
        CaseApi.as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("OK"))
                .body("headHash", equalTo(sealedHash))
                .body("checkpoint.id", equalTo(checkpoint.path("id").asText()))
                .body("checkpoint.matches", equalTo(true));

        // other agencies receive the same signed checkpoint on the broker
        try (TopicReader topic =
                new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.integrity.checkpoints")) {
            topic.await(r -> r.value().contains(checkpoint.path("signature").asText()), 1, Duration.ofSeconds(60));
        }

        // an operator edits the first event and recomputes every hash after it: each link verifies,
        // but the head no longer is the one the checkpoint signed
        try (Connection c = Infra.jdbc()) {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement q =
                    c.prepareStatement("select seq, entry from record_chain_entry where chain_key = ? order by seq")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            rows.get(0)[1] = rows.get(0)[1].replace("销售假冒注册商标的商品", "销售商品");
            String previous = "0".repeat(64);
            for (String[] row : rows) {
                String hash = CaseRecordIntegrityTest.sha256(previous, row[1]);
                try (PreparedStatement u = c.prepareStatement("update record_chain_entry set entry = ?, "
                        + "previous_hash = ?, hash = ? where chain_key = ? and seq = ?")) {
                    u.setString(1, row[1]);
                    u.setString(2, previous);
                    u.setString(3, hash);
                    u.setString(4, id);
                    u.setLong(5, Long.parseLong(row[0]));
                    u.executeUpdate();
                }
                previous = hash;
            }
        }
        CaseApi.as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("firstBreak.sequence", equalTo(2))
                .body("firstBreak.expectedHash", equalTo(sealedHash))
                .body("checkpoint.matches", equalTo(false));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
