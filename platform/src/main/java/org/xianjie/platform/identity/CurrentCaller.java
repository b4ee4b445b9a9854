package org.xianjie.platform.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@link Caller} of the current request, for resources and services to inject. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(AgencyIdentityAugmentor.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new UnauthorizedException("authentication required");
        }
        return caller;
    }
}
