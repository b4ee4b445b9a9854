package org.xianjie.localinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the real broker and a fresh database of its own on
 * the real PostgreSQL, and makes it trust the test signing key. Use with
 * {@code @QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))}.
 */
public class XianjieTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        TestInfra infra = TestInfra.get();
        String database = infra.newDatabase("test_" + service);
        Postgres pg = infra.postgres();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", pg.user());
        config.put("quarkus.datasource.password", pg.password());
        config.put(
                "mp.jwt.verify.publickey.location",
                infra.keys().publicKeyPem().toUri().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        config.put("xianjie.identity.hmac-keys", infra.keys().identityHmacKeys());
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // The shared infrastructure lives until the test JVM exits.
    }
}
