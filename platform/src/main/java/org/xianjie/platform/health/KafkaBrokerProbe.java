package org.xianjie.platform.health;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.platform.kafka.KafkaClientSecurity;

/**
 * Asks the broker, cheaply and with a bounded wait, whether it answers: for the broker health
 * check and for the outbox relay, which waits for it without holding a database transaction.
 */
@ApplicationScoped
public class KafkaBrokerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String bootstrapServers;
    private final String clientId;
    private final KafkaClientSecurity security;
    private volatile Admin admin;

    public KafkaBrokerProbe(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.clientId = applicationName + "-broker-probe";
    }

    /** The number of brokers that answered; fails when none did within a few seconds. */
    public Uni<Integer> brokers() {
        return Uni.createFrom()
                .completionStage(
                        () -> admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                                .nodes()
                                .toCompletionStage())
                .map(nodes -> nodes.size());
    }

    public Uni<Boolean> reachable() {
        return brokers().map(n -> n > 0).onFailure().recoverWithItem(false);
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(security.settings());
                    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    void stop(@Observes ShutdownEvent event) {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
