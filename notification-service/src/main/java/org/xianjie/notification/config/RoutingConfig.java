package org.xianjie.notification.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.notification.domain.RetryPolicy;
import org.xianjie.notification.domain.Router;
import org.xianjie.notification.domain.RoutingTable;

/** Wires the pure routing and retry rules into CDI. */
@ApplicationScoped
public class RoutingConfig {

    @Produces
    @ApplicationScoped
    Router router() {
        return new Router(RoutingTable.standard());
    }

    @Produces
    @jakarta.inject.Singleton
    RetryPolicy webhookRetryPolicy(
            @ConfigProperty(name = "xianjie.webhooks.base-delay") Duration base,
            @ConfigProperty(name = "xianjie.webhooks.max-delay") Duration max,
            @ConfigProperty(name = "xianjie.webhooks.max-attempts") int maxAttempts) {
        return new RetryPolicy(base, max, maxAttempts);
    }
}
