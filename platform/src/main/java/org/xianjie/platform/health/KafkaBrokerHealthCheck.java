package org.xianjie.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the broker answers, at {@code /q/health/group/kafka}. Deliberately not a readiness check:
 * while the broker is away a service still accepts writes into its outbox, so it must stay in the
 * load balancer; operators and alerts watch this group (and the outbox backlog) instead.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaBrokerHealthCheck implements AsyncHealthCheck {

    private final KafkaBrokerProbe probe;

    public KafkaBrokerHealthCheck(KafkaBrokerProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.brokers()
                .map(n -> HealthCheckResponse.named("kafka-broker")
                        .status(n > 0)
                        .withData("brokers", n)
                        .build())
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named("kafka-broker")
                        .down()
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
