package org.xianjie.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker's authentication settings (kafka.security.protocol, kafka.sasl.*) for the clients the
 * platform builds by hand (outbox relay, broker probe, dead-letter listing and replay). The
 * SmallRye channels get the same kafka.* values from Quarkus; these clients would otherwise
 * connect unauthenticated and be refused by a secured cluster.
 */
@ApplicationScoped
public class KafkaClientSecurity {

    private final String securityProtocol;
    private final Optional<String> saslMechanism;
    private final Optional<String> saslJaasConfig;

    public KafkaClientSecurity(
            @ConfigProperty(name = "kafka.security.protocol", defaultValue = "PLAINTEXT") String securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig) {
        this.securityProtocol = securityProtocol;
        this.saslMechanism = saslMechanism;
        this.saslJaasConfig = saslJaasConfig;
    }

    /** Settings to add to a client's configuration; only the protocol when the cluster is plaintext. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (securityProtocol.startsWith("SASL_")) {
            saslMechanism.ifPresent(m -> settings.put(SaslConfigs.SASL_MECHANISM, m));
            saslJaasConfig.ifPresent(j -> settings.put(SaslConfigs.SASL_JAAS_CONFIG, j));
        }
        return settings;
    }
}
