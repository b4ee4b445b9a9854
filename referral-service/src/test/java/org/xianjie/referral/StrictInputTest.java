package org.xianjie.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.Tokens;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Hostile input as an attacker or a careless integrator sends it: every refusal is a problem
 * naming what is wrong, never a 500, and nothing is stored. The rules live in platform, so this
 * one service stands for all three; the e2e fuzz test covers every endpoint of each.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class StrictInputTest {

    @TestHTTPResource("/")
    URI root;

    private static String start(UUID caseId, String caseNumber, String caseTitle, String caseTeam) {
        return """
                {"caseId": "%s", "caseNumber": %s, "caseTitle": %s, "category": "TRADEMARK",
                 "reason": "非法经营数额12万元", "caseTeam": %s}""".formatted(caseId, caseNumber, caseTitle, caseTeam);
    }

    private static io.restassured.response.Response post(String body) {
        return given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals");
    }

    /** The refused case id is still free afterwards: a valid start for it succeeds. */
    private static void nothingStoredFor(UUID caseId) {
        post(start(caseId, "\"津市监处〔2026〕1号\"", "\"案\"", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(201);
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheFieldInsteadOfConverted() {
        UUID caseId = UUID.randomUUID();
        post(start(caseId, "123", "\"案\"", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseNumber"));
        post(start(caseId, "\"1\"", "\"案\"", "[1, 2]"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseTeam[0]"));
        post(start(caseId, "\"1\"", "[\"案\"]", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseTitle"));
        post(start(caseId, "\"1\"", "true", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseTitle"));
        post(start(caseId, "\"1\"", "\"案\"", "\"张伟\""))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseTeam"));
        nothingStoredFor(caseId);
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldButLineBreaksInTextAreKept() {
        UUID caseId = UUID.randomUUID();
        post(start(caseId, "\"1\"", "\"a\\u0000b\"", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseTitle"))
                .body("errors[0].message", containsString("U+0000"));
        post(start(caseId, "\"1\"", "\"案\"", "[\"张伟\", \"李\\u001b[31m娜\"]"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseTeam[1]"));
        post(start(caseId, "\"1\\u0085\"", "\"案\"", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseNumber"));
        post(start(caseId, "\"1\"", "\"\\ud800\"", "[\"张伟\", \"李娜\"]"))
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("unpaired surrogate"));
        nothingStoredFor(caseId);

        String id = Flow.report(UUID.randomUUID());
        Flow.step(token("TJ-AMR", "head"), id, "REFUSE", "{\"reason\": \"第一行\\n第二行\\t附注\"}")
                .then()
                .statusCode(200)
                .body("history[1].reason", equalTo("第一行\n第二行\t附注"));
    }

    @Test
    void controlCharactersInQueryAndPathParametersAreRefusedNamingTheParameter() throws IOException {
        given().auth()
                .oauth2(token("TJ-PROC"))
                .urlEncodingEnabled(false)
                .get("/api/v1/referrals?region=%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .urlEncodingEnabled(false)
                .get("/api/v1/leads?state=A%0D%0AB")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .urlEncodingEnabled(false)
                .get("/api/v1/referrals/%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
        assertThat(raw(
                        "GET /api/v1/referrals?region=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                + token("TJ-PROC") + "\r\nConnection: close\r\n\r\n",
                        new byte[0]))
                // Vert.x refuses a malformed escape before any route runs: a bare 400 (see docs/security.md).
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void duplicateKeysAreA400ProblemEverywhereIncludingLeadDecisions() {
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"a\", \"reason\": \"b\"}")
                .post("/api/v1/leads/" + UUID.randomUUID() + "/dismiss")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", containsString("duplicate key"));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"a\", \"reason\": \"b\"}")
                .post("/api/v1/leads/" + UUID.randomUUID() + "/escalate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        UUID caseId = UUID.randomUUID();
        post("{\"caseId\": \"%s\", \"caseId\": \"%s\"}".formatted(caseId, caseId))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        nothingStoredFor(caseId);
    }

    private static String sign(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(TestInfra.get().keys().privateKey());
        jws.setKeyIdHeaderValue("xianjie-local");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static JwtClaims claims(Object agency, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Tokens.ISSUER);
        claims.setSubject("mallory");
        claims.setClaim("agency", agency);
        claims.setStringListClaim("groups", List.of("officer"));
        if (issuedAt != null) {
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        }
        if (expiresAt != null) {
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        }
        return claims;
    }

    private static void refused(String token) {
        given().auth()
                .oauth2(token)
                .get("/api/v1/referrals")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokensWithClaimsOfTheWrongTypeOrAnUnboundedLifetimeAre401() throws Exception {
        Instant now = Instant.now();
        given().auth()
                .oauth2(sign(claims("TJ-AMR", now, now.plus(Duration.ofHours(1)))))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200);
        refused(sign(claims(List.of("TJ-AMR"), now, now.plus(Duration.ofHours(1)))));
        refused(sign(claims(42, now, now.plus(Duration.ofHours(1)))));
        refused(sign(claims(java.util.Map.of("code", "TJ-AMR"), now, now.plus(Duration.ofHours(1)))));
        JwtClaims numericGroups = claims("TJ-AMR", now, now.plus(Duration.ofHours(1)));
        numericGroups.setClaim("groups", List.of(1, 2));
        refused(sign(numericGroups));
        JwtClaims stringGroups = claims("TJ-AMR", now, now.plus(Duration.ofHours(1)));
        stringGroups.setClaim("groups", 7);
        refused(sign(stringGroups));
        refused(sign(claims("TJ-AMR", now, now.plus(Duration.ofDays(365 * 100)))));
        refused(sign(claims("TJ-AMR", now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(1)))));
        refused(sign(claims("TJ-AMR", null, now.plus(Duration.ofHours(1)))));
        refused(sign(claims("TJ-AMR", now, null)));
        // Within the clock skew a token issued "in the future" is fine.
        given().auth()
                .oauth2(sign(claims("TJ-AMR", now.plusSeconds(20), now.plus(Duration.ofHours(1)))))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200);
    }

    @Test
    void everyErrorTheServerProducesIsAProblem() {
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/no/such/page").then().statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/referrals")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-AMR"))
                .accept("text/csv")
                .get("/api/v1/referrals")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType("text/plain")
                .body("x")
                .post("/api/v1/referrals")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/referrals?agency=" + "a".repeat(5000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
        given().auth()
                .oauth2(token("TJ-AMR"))
                .header("X-Padding", "p".repeat(30_000))
                .get("/api/v1/referrals")
                .then()
                .statusCode(431)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("TJ-AMR"))
                .contentType(ContentType.JSON)
                .body("{\"a\": \"" + "x".repeat(600_000) + "\"}")
                .post("/api/v1/referrals")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndOneUnderItIsRead() throws IOException {
        String overLimit = rawChunked("{\"reason\": \"" + "x".repeat(700_000) + "\"}");
        assertThat(overLimit)
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");
        UUID caseId = UUID.randomUUID();
        String underLimit = rawChunked(start(caseId, "\"1\"", "\"a\\u0000b\"", "[\"张伟\", \"李娜\"]"));
        assertThat(underLimit).startsWith("HTTP/1.1 400").contains("caseTitle");
        nothingStoredFor(caseId);
    }

    /** POSTs {@code body} in 8 KiB chunks over a plain socket and returns the raw response. */
    private String rawChunked(String body) throws IOException {
        return raw(
                "POST /api/v1/referrals HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token("TJ-AMR")
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code head} and then {@code bytes} chunked (if any) over a plain socket; returns the raw response. */
    private String raw(String head, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < bytes.length; i += 8192) {
                    int n = Math.min(8192, bytes.length - i);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (bytes.length > 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer before the body is complete; its answer is what counts.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        given().auth()
                .oauth2(token("TJ-AMR"))
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/no/such/page").then().header("X-Content-Type-Options", "nosniff");
    }
}
