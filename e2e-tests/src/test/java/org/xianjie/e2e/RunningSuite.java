package org.xianjie.e2e;

import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.ServiceProcess;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.TestInfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole suite as it runs in production: the three packaged services, each its own JVM with its
 * own database, over one real Kafka broker and one real PostgreSQL server. Started once per test
 * JVM (the reactor packages the services before this module's tests run).
 */
final class RunningSuite {

    private static RunningSuite instance;

    private final Map<Services, ServiceProcess> services = new EnumMap<>(Services.class);

    private RunningSuite() {
        TestInfra infra = TestInfra.get();
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        for (Services service : Services.all()) {
            String database = infra.newDatabase("e2e_" + service.name().toLowerCase());
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(ServiceProcess.environment(port, infra.postgres(), database,
                    infra.kafkaBootstrapServers(), infra.keys().publicKeyPem()));
            // The benchmarks here drive one agency faster than the production default allows.
            env.put("XIANJIE_RATE_LIMIT_PER_AGENCY_PER_SECOND", "1000");
            env.put("XIANJIE_RATE_LIMIT_BURST", "1000");
            ServiceProcess process = new ServiceProcess(service.module(), service.jar(projectRoot), port, env,
                    Path.of("target", "e2e-logs", service.module() + ".log").toAbsolutePath());
            services.put(service, process.start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::stop)));
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(120));
        }
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
