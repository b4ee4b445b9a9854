package org.xianjie.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private final TokenClaims claims =
            new TokenClaims(new ObjectMapper(), Duration.ofHours(24), Duration.ofSeconds(60));

    /** A token whose payload is {@code json}; the signature is not this class's concern. */
    private static String token(String json) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private static String payload(String agency, String groups, Long iat, Long exp) {
        StringBuilder sb = new StringBuilder("{\"iss\":\"https://xianjie.local\",\"sub\":\"u\"");
        if (agency != null) {
            sb.append(",\"agency\":").append(agency);
        }
        if (groups != null) {
            sb.append(",\"groups\":").append(groups);
        }
        if (iat != null) {
            sb.append(",\"iat\":").append(iat);
        }
        if (exp != null) {
            sb.append(",\"exp\":").append(exp);
        }
        return sb.append('}').toString();
    }

    private String problem(String agency, String groups, Long iat, Long exp) {
        return claims.problem(token(payload(agency, groups, iat, exp)), NOW).orElse(null);
    }

    @Test
    void aWellFormedTokenPasses() {
        long now = NOW.getEpochSecond();
        assertEquals(null, problem("\"TJ-AMR\"", "[\"officer\",\"head\"]", now, now + 3600));
        assertEquals(null, problem("\"TJ-AMR\"", null, now + 59, now + 3600), "within the clock skew");
        assertEquals(null, problem("\"TJ-AMR\"", "[]", now - 3600, now + 20 * 3600));
    }

    @Test
    void claimsOfTheWrongTypeAreNamed() {
        long now = NOW.getEpochSecond();
        assertTrue(problem("[\"TJ-AMR\"]", null, now, now + 60).contains("'agency'"));
        assertTrue(problem("42", null, now, now + 60).contains("'agency'"));
        assertTrue(problem("{\"code\":\"TJ-AMR\"}", null, now, now + 60).contains("'agency'"));
        assertTrue(problem("\"\"", null, now, now + 60).contains("'agency'"));
        assertTrue(problem(null, null, now, now + 60).contains("'agency'"));
        assertTrue(problem("\"TJ-AMR\"", "[1,2]", now, now + 60).contains("'groups'"));
        assertTrue(problem("\"TJ-AMR\"", "\"officer\"", now, now + 60).contains("'groups'"));
        assertTrue(problem("\"TJ-AMR\"", "[\"a\\u0000b\"]", now, now + 60).contains("'groups'"));
        assertTrue(claims.problem(
                        token("{\"agency\":\"TJ-AMR\",\"sub\":7,\"iat\":" + now + ",\"exp\":" + (now + 60) + "}"), NOW)
                .orElseThrow()
                .contains("'sub'"));
        assertTrue(claims.problem(token("[1]"), NOW).isPresent());
        assertTrue(claims.problem("garbage", NOW).isPresent());
    }

    @Test
    void lifetimeAndIssueTimeAreBounded() {
        long now = NOW.getEpochSecond();
        assertTrue(problem("\"TJ-AMR\"", null, now, now + 100L * 365 * 86400).contains("lifetime"));
        assertTrue(problem("\"TJ-AMR\"", null, now, now + 24 * 3600 + 1).contains("lifetime"));
        assertTrue(problem("\"TJ-AMR\"", null, now + 600, now + 3600).contains("future"));
        assertTrue(problem("\"TJ-AMR\"", null, null, now + 3600).contains("'iat'"));
        assertTrue(problem("\"TJ-AMR\"", null, now, null).contains("'exp'"));
        assertTrue(problem("\"TJ-AMR\"", null, now, now).contains("lifetime"));
    }
}
