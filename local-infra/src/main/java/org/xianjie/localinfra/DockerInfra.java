package org.xianjie.localinfra;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL from Testcontainers, used by tests only where a Docker engine answers
 * (set {@code XIANJIE_TEST_DOCKER=false} to keep the embedded servers). Without Docker, or if the
 * images cannot be had, tests fall back to the embedded broker and PostgreSQL.
 */
final class DockerInfra {

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private DockerInfra(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static Optional<DockerInfra> startIfAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("XIANJIE_TEST_DOCKER"))) {
            return Optional.empty();
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
            PostgreSQLContainer postgres =
                    new PostgreSQLContainer("postgres:17-alpine").withCommand("postgres", "-c", "max_connections=300");
            kafka.start();
            postgres.start();
            return Optional.of(new DockerInfra(kafka, postgres));
        } catch (RuntimeException | LinkageError unavailable) {
            System.err.println(
                    "Docker present but unusable (" + unavailable + "); using embedded Kafka and PostgreSQL");
            return Optional.empty();
        }
    }

    String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    Postgres postgres() {
        return Postgres.external(
                postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(), postgres.getPassword());
    }

    void stop() {
        kafka.stop();
        postgres.stop();
    }
}
