package org.xianjie.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real infrastructure of a test JVM, started once and shared by its tests: a Kafka broker
 * and a PostgreSQL server on random ports in a temporary folder that is deleted at exit, plus a
 * fresh token-signing key. Where a Docker engine answers, Testcontainers provides them instead
 * ({@link DockerInfra}). Set {@code XIANJIE_TEST_KAFKA_BOOTSTRAP} and {@code XIANJIE_TEST_PG_HOST}
 * (with {@code _PORT}, {@code _USER}, {@code _PASSWORD}) to use external servers.
 */
public final class TestInfra {

    private static TestInfra instance;

    private final Path root;
    private final KafkaBroker kafka;
    private final String externalKafka;
    private final Postgres postgres;
    private final SigningKeys keys;
    private final DockerInfra docker;

    private TestInfra() {
        try {
            root = Files.createTempDirectory("xianjie-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean external =
                System.getenv("XIANJIE_TEST_KAFKA_BOOTSTRAP") != null || System.getenv("XIANJIE_TEST_PG_HOST") != null;
        docker = external ? null : DockerInfra.startIfAvailable().orElse(null);
        externalKafka = docker != null ? docker.kafkaBootstrapServers() : System.getenv("XIANJIE_TEST_KAFKA_BOOTSTRAP");
        kafka = externalKafka == null ? KafkaBroker.onFreePorts(root.resolve("kafka")) : null;
        String pgHost = System.getenv("XIANJIE_TEST_PG_HOST");
        Thread pgStart = null;
        Postgres pg;
        if (docker != null) {
            pg = docker.postgres();
        } else if (pgHost == null) {
            pg = null;
        } else {
            pg = Postgres.external(
                    pgHost,
                    Integer.parseInt(env("XIANJIE_TEST_PG_PORT", "5432")),
                    env("XIANJIE_TEST_PG_USER", "postgres"),
                    env("XIANJIE_TEST_PG_PASSWORD", "postgres"));
        }
        Postgres[] started = {pg};
        if (pg == null) {
            // Start PostgreSQL while Kafka formats and boots: both take seconds.
            pgStart = new Thread(() -> started[0] = Postgres.embedded(null, 0), "embedded-postgres-start");
            pgStart.start();
        }
        if (kafka != null) {
            kafka.start();
        }
        if (pgStart != null) {
            try {
                pgStart.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (started[0] == null) {
                throw new IllegalStateException("embedded PostgreSQL did not start");
            }
        }
        postgres = started[0];
        // As in production (Strimzi KafkaTopics), the topics exist before any service subscribes: a
        // consumer subscribed to an unknown topic finds it only at a later metadata refresh and
        // can miss a test's first events for many seconds.
        StackTopics.ensure(kafkaBootstrapServers());
        keys = SigningKeys.loadOrCreate(root.resolve("keys"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "xianjie-test-infra-stop"));
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = new TestInfra();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : externalKafka;
    }

    /** The embedded broker, for tests that stop and restart it; null with an external or Docker broker. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public SigningKeys keys() {
        return keys;
    }

    public Path root() {
        return root;
    }

    /** A new, empty database for one service's test run. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replace('-', '_');
        postgres.ensureDatabase(name);
        return name;
    }

    /** A valid one-hour token for {@code agency} with {@code roles}. */
    public String token(String agency, String... roles) {
        Set<String> set = roles.length == 0 ? Set.of("officer") : Set.of(roles);
        return Tokens.issue(
                keys.privateKey(),
                agency,
                roles.length > 0 && roles[0].equals("head") ? "head@" + agency : "officer@" + agency,
                set,
                Duration.ofHours(1));
    }

    private void shutdown() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (docker != null) {
            docker.stop();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the folder is under the system temp directory
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
