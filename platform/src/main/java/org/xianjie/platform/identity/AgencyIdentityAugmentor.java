package org.xianjie.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the agency a token names against the directory, after checking the type of every claim
 * the services read and the token's lifetime ({@link TokenClaims}). A token that fails either is
 * refused (401), so nothing downstream ever sees an unknown agency or a claim of a surprising type.
 */
@ApplicationScoped
public class AgencyIdentityAugmentor implements SecurityIdentityAugmentor {

    public static final String AGENCY_CLAIM = "agency";
    static final String CALLER_ATTRIBUTE = "xianjie.caller";

    private final AgencyDirectory directory;
    private final TokenClaims claims;

    public AgencyIdentityAugmentor(
            AgencyDirectory directory,
            ObjectMapper mapper,
            @ConfigProperty(name = "smallrye.jwt.time-to-live", defaultValue = "86400") long maxLifetimeSeconds,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkewSeconds) {
        this.directory = directory;
        this.claims =
                new TokenClaims(mapper, Duration.ofSeconds(maxLifetimeSeconds), Duration.ofSeconds(clockSkewSeconds));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> problem = jwt.getRawToken() == null
                ? Optional.of("the token cannot be read")
                : claims.problem(jwt.getRawToken(), Instant.now());
        if (problem.isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(problem.get()));
        }
        String code = agencyOf(jwt);
        Agency agency = directory.find(code).orElse(null);
        if (agency == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown agency '" + code + "'"));
        }
        Set<String> roles = Set.copyOf(identity.getRoles());
        Caller caller = new Caller(jwt.getName(), agency, roles);
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRole(agency.type().name().toLowerCase(java.util.Locale.ROOT))
                        .addAttribute(CALLER_ATTRIBUTE, caller)
                        .build());
    }

    /** The {@code agency} claim as a string, or null when it is absent or of another type. */
    public static String agencyOf(JsonWebToken jwt) {
        Object value = jwt.getClaim(AGENCY_CLAIM);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return null;
    }
}
