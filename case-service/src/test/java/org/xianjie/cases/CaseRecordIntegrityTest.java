package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.cases.CaseApi.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;

/** The case record is tamper-evident: an edited row is found, and named, by the integrity check. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseRecordIntegrityTest {

    @Test
    void aCaseRecordVerifiesUntilARowIsEditedAndThenTheCheckNamesTheEditedEntry() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "facts", CaseApi.FACTS).statusCode(200);
        String sha = CaseApi.sha();
        post("TJ-AMR", id, "evidence", CaseApi.evidence(sha)).statusCode(201);
        post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);

        // four events and the evidence item's digest
        CaseApi.as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("OK"))
                .body("length", equalTo(5))
                .body("firstBreak", nullValue());
        // whoever may not read the case learns nothing of it
        CaseApi.as("BH-AMR").get("/api/v1/cases/" + id + "/integrity").then().statusCode(404);

        long sequence;
        String eventId;
        String previous;
        String stored;
        String edited;
        try (Connection c = Infra.jdbc()) {
            try (PreparedStatement digest = c.prepareStatement(
                    "select count(*) from record_chain_entry where chain_key = ? and entry like ?")) {
                digest.setString(1, id);
                digest.setString(2, "%\"sha256\":\"" + sha + "\"%");
                try (ResultSet rs = digest.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("the evidence digest is in the chain")
                            .isEqualTo(1);
                }
            }
            try (PreparedStatement q = c.prepareStatement("""
                    select seq, entry_id, previous_hash, hash, entry from record_chain_entry
                    where chain_key = ? and entry like '%org.xianjie.case.penalty-decided%'""")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    sequence = rs.getLong(1);
                    eventId = rs.getString(2);
                    previous = rs.getString(3);
                    stored = rs.getString(4);
                    edited = rs.getString(5).replace("\"fine\":258000", "\"fine\":2580");
                }
            }
            assertThat(edited).contains("\"fine\":2580,");
            // an operator lowers the fine in the stored event, leaving every hash as it was
            try (PreparedStatement u =
                    c.prepareStatement("update record_chain_entry set entry = ? where chain_key = ? and seq = ?")) {
                u.setString(1, edited);
                u.setString(2, id);
                u.setLong(3, sequence);
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
        }

        CaseApi.as("TJ-AMR")
                .get("/api/v1/cases/" + id + "/integrity")
                .then()
                .statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("firstBreak.sequence", equalTo((int) sequence))
                .body("firstBreak.eventId", equalTo(eventId))
                .body("firstBreak.storedHash", equalTo(stored))
                .body("firstBreak.expectedHash", equalTo(sha256(previous, edited)));
    }

    /** The chain rule, recomputed with the JDK alone: SHA-256(previous hash bytes || canonical entry). */
    static String sha256(String previousHex, String entry) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HexFormat.of().parseHex(previousHex));
        sha.update(entry.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
