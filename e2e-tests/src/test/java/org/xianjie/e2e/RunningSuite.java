package org.xianjie.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.ServiceProcess;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.TestInfra;

/**
 * The whole suite as it runs in production: the three packaged services, each its own JVM with its
 * own database, over one real Kafka broker and one real PostgreSQL server. Started once per test
 * JVM (the reactor packages the services before this module's tests run).
 */
final class RunningSuite {

    private static RunningSuite instance;

    private final Map<Services, ServiceProcess> services = new EnumMap<>(Services.class);
    private final Map<Services, String> databases = new EnumMap<>(Services.class);
    private final Map<Services, Map<String, String>> environments = new EnumMap<>(Services.class);
    private final Path projectRoot = Path.of("").toAbsolutePath().getParent();

    private RunningSuite() {
        TestInfra infra = TestInfra.get();
        for (Services service : Services.all()) {
            String database = infra.newDatabase("e2e_" + service.name().toLowerCase());
            databases.put(service, database);
            environments.put(service, environment(service, Ports.free()));
            services.put(
                    service,
                    process(service, service.module(), environments.get(service))
                            .start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::stop)));
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(120));
        }
    }

    private Map<String, String> environment(Services service, int port) {
        TestInfra infra = TestInfra.get();
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(
                port,
                infra.postgres(),
                databases.get(service),
                infra.kafkaBootstrapServers(),
                infra.keys().publicKeyPem()));
        // The benchmarks here drive one agency faster than the production default allows.
        env.put("XIANJIE_RATE_LIMIT_PER_AGENCY_PER_SECOND", "1000");
        env.put("XIANJIE_RATE_LIMIT_BURST", "1000");
        return env;
    }

    private ServiceProcess process(Services service, String name, Map<String, String> env) {
        return new ServiceProcess(
                name,
                service.jar(projectRoot),
                Integer.parseInt(env.get("QUARKUS_HTTP_PORT")),
                env,
                Path.of("target", "e2e-logs", name + ".log").toAbsolutePath());
    }

    /** Another replica of {@code service} on the same database and broker, as a second pod would be. */
    ServiceProcess startReplica(Services service) {
        ServiceProcess replica = process(service, service.module() + "-replica", environment(service, Ports.free()))
                .start();
        replica.awaitReady(Duration.ofSeconds(120));
        return replica;
    }

    /** The JDBC URL of a service's own database, for tests that inspect or shift stored state. */
    String jdbcUrl(Services service) {
        return TestInfra.get().postgres().jdbcUrl(databases.get(service));
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = new RunningSuite();
        }
        return instance;
    }

    String url(Services service) {
        return services.get(service).url();
    }

    static String token(String agency, String... roles) {
        return TestInfra.get().token(agency, roles);
    }
}
