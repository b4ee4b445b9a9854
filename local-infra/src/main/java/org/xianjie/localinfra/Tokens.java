package org.xianjie.localinfra;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Issues RS256 bearer JWTs in the shape the services expect: {@code agency} claim, roles in {@code groups}. */
public final class Tokens {

    public static final String ISSUER = "https://xianjie.local";

    private Tokens() {}

    public static String issue(PrivateKey key, String agency, String user, Set<String> roles, Duration ttl) {
        Instant now = Instant.now();
        return sign(key, agency, user, roles, now, now.plus(ttl));
    }

    /** A token already expired, for tests of rejection. */
    public static String expired(PrivateKey key, String agency) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(key, agency, "expired@" + agency, Set.of("officer"), past.minus(Duration.ofHours(1)), past);
    }

    private static String sign(
            PrivateKey key, String agency, String user, Set<String> roles, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setClaim("agency", agency);
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue("xianjie-local");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
