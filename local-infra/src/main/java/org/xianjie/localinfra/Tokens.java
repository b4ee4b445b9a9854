package org.xianjie.localinfra;

import io.smallrye.jwt.build.Jwt;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Issues bearer JWTs in the shape the services expect: {@code agency} claim, roles in {@code groups}. */
public final class Tokens {

    public static final String ISSUER = "https://xianjie.local";

    private Tokens() {
    }

    public static String issue(PrivateKey key, String agency, String user, Set<String> roles, Duration ttl) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(user)
                .upn(user)
                .claim("agency", agency)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws().keyId("xianjie-local")
                .sign(key);
    }

    /** A token already expired, for tests of rejection. */
    public static String expired(PrivateKey key, String agency) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).subject("expired@" + agency).claim("agency", agency).groups(Set.of("officer"))
                .issuedAt(past.minus(Duration.ofHours(1))).expiresAt(past).sign(key);
    }
}
