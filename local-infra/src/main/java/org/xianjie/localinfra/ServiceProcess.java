package org.xianjie.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Xianjie service run as its own JVM from its packaged Quarkus app
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), configured by environment variables as
 * in production.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Environment variable with the JVM options of a service, replacing {@link #DEFAULT_JVM_OPTIONS}
     * (e.g. to profile it with {@code -XX:StartFlightRecording}).
     */
    public static final String JVM_OPTIONS = "XIANJIE_JVM_OPTS";
    /**
     * Both JIT tiers (C1 alone, as before, left the hot paths of a long-running service
     * unoptimised), the serial collector (two cores: a concurrent collector's threads compete with
     * the service), a 256 MB heap and a 64 MB code cache, so that a service stays near the suite's
     * 300 MB resident limit under load (docs/benchmarks.md).
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m";

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = log;
    }

    /** The environment of a service on {@code database} of {@code pg}, the broker, the verification key and the identity HMAC keys kept beside it. */
    public static Map<String, String> environment(
            int port, Postgres pg, String database, String kafka, Path verificationKey) {
        return Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl(database),
                "QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", pg.user(),
                "QUARKUS_DATASOURCE_PASSWORD", pg.password(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", verificationKey.toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER,
                "XIANJIE_IDENTITY_HMAC_KEYS", SigningKeys.identityHmacKeys(verificationKey.getParent()),
                "XIANJIE_LOG_JSON", "false");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public ServiceProcess start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(JavaProcess.javaExecutable()));
            String options =
                    env.getOrDefault(JVM_OPTIONS, System.getenv().getOrDefault(JVM_OPTIONS, DEFAULT_JVM_OPTIONS));
            for (String option : options.trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady(http)) {
                return;
            }
            Ports.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    public boolean isReady(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process id of the running service, or -1. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Kills the service at once (SIGKILL), as a crash or an OOM kill would; {@link #start()} runs it again. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
