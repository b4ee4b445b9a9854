package org.xianjie.platform.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Resolves the agency a token names against the directory. A token for an agency the directory
 * does not know is refused (401), so nothing downstream ever sees an unknown agency.
 */
@ApplicationScoped
public class AgencyIdentityAugmentor implements SecurityIdentityAugmentor {

    public static final String AGENCY_CLAIM = "agency";
    static final String CALLER_ATTRIBUTE = "xianjie.caller";

    private final AgencyDirectory directory;

    public AgencyIdentityAugmentor(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        String code = jwt.getClaim(AGENCY_CLAIM);
        Agency agency = directory.find(code).orElse(null);
        if (agency == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    code == null ? "the token names no agency (claim 'agency')" : "unknown agency '" + code + "'"));
        }
        Set<String> roles = Set.copyOf(identity.getRoles());
        Caller caller = new Caller(jwt.getName(), agency, roles);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRole(agency.type().name().toLowerCase(java.util.Locale.ROOT))
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build());
    }
}
