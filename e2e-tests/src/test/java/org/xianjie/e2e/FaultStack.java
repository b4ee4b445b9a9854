package org.xianjie.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.xianjie.localinfra.KafkaBroker;
import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.Postgres;
import org.xianjie.localinfra.ServiceProcess;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.SigningKeys;
import org.xianjie.localinfra.StackTopics;
import org.xianjie.localinfra.Tokens;

/**
 * A suite of its own for the fault tests, so that killing its parts disturbs no other test: a
 * broker process, a PostgreSQL server on a data directory and port of its own (so that it can be
 * killed and started again on the same data, which the shared throw-away server cannot), and the
 * three packaged services.
 */
final class FaultStack implements AutoCloseable {

    private final Path root;
    private final KafkaBroker broker;
    private final Postgres postgres;
    private final SigningKeys keys;
    private final Map<Services, ServiceProcess> services = new EnumMap<>(Services.class);
    private final Map<Services, String> databases = new EnumMap<>(Services.class);

    private FaultStack() throws Exception {
        root = Files.createDirectories(
                Path.of("target", "fault-suite", UUID.randomUUID().toString().substring(0, 8))
                        .toAbsolutePath());
        broker = KafkaBroker.onFreePorts(root.resolve("kafka"));
        Thread kafkaStart = new Thread(broker::start, "fault-kafka-start");
        kafkaStart.start();
        postgres = Postgres.embedded(root.resolve("postgres"), Ports.free());
        kafkaStart.join();
        if (!broker.isRunning()) {
            throw new IllegalStateException("the broker did not start; see " + root.resolve("kafka"));
        }
        StackTopics.ensure(broker.bootstrapServers());
        keys = SigningKeys.loadOrCreate(root.resolve("keys"));
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        for (Services service : Services.all()) {
            String database = "fault_" + service.name().toLowerCase();
            postgres.ensureDatabase(database);
            databases.put(service, database);
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(ServiceProcess.environment(
                    port, postgres, database, broker.bootstrapServers(), keys.publicKeyPem()));
            // The load here drives one agency faster than the production default allows.
            env.put("XIANJIE_RATE_LIMIT_PER_AGENCY_PER_SECOND", "1000");
            env.put("XIANJIE_RATE_LIMIT_BURST", "1000");
            services.put(
                    service,
                    new ServiceProcess(
                                    service.module(),
                                    service.jar(projectRoot),
                                    port,
                                    env,
                                    root.resolve("logs").resolve(service.module() + ".log"))
                            .start());
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(Duration.ofSeconds(180));
        }
    }

    static FaultStack start() throws Exception {
        return new FaultStack();
    }

    KafkaBroker broker() {
        return broker;
    }

    Postgres postgres() {
        return postgres;
    }

    ServiceProcess service(Services service) {
        return services.get(service);
    }

    String url(Services service) {
        return services.get(service).url();
    }

    String token(String agency, String... roles) {
        Set<String> set = roles.length == 0 ? Set.of("officer") : Set.of(roles);
        return Tokens.issue(
                keys.privateKey(),
                agency,
                (roles.length > 0 ? roles[0] : "officer") + "@" + agency,
                set,
                Duration.ofHours(1));
    }

    Connection connect(Services service) throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl(databases.get(service)), postgres.user(), postgres.password());
    }

    /** Makes {@code service}'s database refuse new connections and ends the ones it has, or allows them again. */
    void refuseConnections(Services service, boolean refuse) {
        if (refuse) {
            postgres.refuseConnections(databases.get(service));
        } else {
            postgres.allowConnections(databases.get(service));
        }
    }

    Path logs() {
        return root.resolve("logs");
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::stop);
        broker.close();
        postgres.close();
    }
}
