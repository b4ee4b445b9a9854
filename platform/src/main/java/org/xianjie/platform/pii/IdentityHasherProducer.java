package org.xianjie.platform.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link IdentityHasher} of {@code xianjie.identity.hmac-keys} (env
 * {@code XIANJIE_IDENTITY_HMAC_KEYS}, from a Kubernetes Secret in production; the local stack and
 * the tests generate one). Created on first use, so services that never hash need no key; a
 * service that does fails on first use, with the reason, when the key is missing or malformed.
 */
@ApplicationScoped
public class IdentityHasherProducer {

    private final Optional<String> keys;

    public IdentityHasherProducer(@ConfigProperty(name = "xianjie.identity.hmac-keys") Optional<String> keys) {
        this.keys = keys;
    }

    @Produces
    @Singleton // a final value class: no client proxy
    IdentityHasher identityHasher() {
        return IdentityHasher.parse(keys.orElse(null));
    }
}
