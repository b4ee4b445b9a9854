package org.xianjie.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.xianjie.platform.web.StrictJson;

/**
 * The shape of a signed token's claims, checked before anything reads them: smallrye-jwt verifies
 * the signature, issuer and expiry, but converts whatever types the claims carry, so an
 * {@code agency} that is an array or a number, or {@code groups} holding numbers, would otherwise
 * reach the code as a surprise. Also bounds the token's lifetime and refuses one issued in the
 * future (beyond the clock skew), which smallrye-jwt does not check.
 */
public final class TokenClaims {

    private final ObjectMapper mapper;
    private final Duration maxLifetime;
    private final Duration clockSkew;

    public TokenClaims(ObjectMapper mapper, Duration maxLifetime, Duration clockSkew) {
        this.mapper = mapper;
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
    }

    /** Why the token's payload is unacceptable at {@code now}, or empty if it is acceptable. */
    public Optional<String> problem(String rawToken, Instant now) {
        JsonNode claims;
        try {
            String[] parts = rawToken.split("\\.");
            claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            return Optional.of("the token's claims are not a JSON object");
        }
        if (claims == null || !claims.isObject()) {
            return Optional.of("the token's claims are not a JSON object");
        }
        JsonNode agency = claims.get(AgencyIdentityAugmentor.AGENCY_CLAIM);
        if (agency == null || agency.isNull()) {
            return Optional.of("the token names no agency (claim 'agency')");
        }
        if (!agency.isTextual()
                || agency.textValue().isBlank()
                || agency.textValue().length() > 64) {
            return Optional.of("claim 'agency' must be a string of 1 to 64 characters naming an agency");
        }
        for (String name : new String[] {"sub", "upn", "preferred_username", "iss", "jti"}) {
            JsonNode value = claims.get(name);
            if (value != null && !value.isTextual()) {
                return Optional.of("claim '" + name + "' must be a string");
            }
        }
        JsonNode groups = claims.get("groups");
        if (groups != null) {
            if (!groups.isArray()) {
                return Optional.of("claim 'groups' must be an array of strings");
            }
            for (JsonNode group : groups) {
                if (!group.isTextual() || StrictJson.forbiddenInParameter(group.textValue()) >= 0) {
                    return Optional.of("claim 'groups' must be an array of strings");
                }
            }
        }
        JsonNode iat = claims.get("iat");
        JsonNode exp = claims.get("exp");
        if (iat == null || !iat.isIntegralNumber() || exp == null || !exp.isIntegralNumber()) {
            return Optional.of("the token must carry 'iat' and 'exp' as numbers of seconds");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && !nbf.isIntegralNumber()) {
            return Optional.of("claim 'nbf' must be a number of seconds");
        }
        long issuedAt = iat.asLong();
        long expiresAt = exp.asLong();
        if (issuedAt > now.getEpochSecond() + clockSkew.toSeconds()) {
            return Optional.of("the token was issued in the future");
        }
        if (expiresAt <= issuedAt || expiresAt - issuedAt > maxLifetime.toSeconds()) {
            return Optional.of(
                    "the token's lifetime (exp - iat) must be positive and at most " + maxLifetime.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
