package org.xianjie.localinfra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.xianjie.localinfra.KafkaBroker;
import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.Postgres;
import org.xianjie.localinfra.ServiceProcess;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.SigningKeys;
import org.xianjie.localinfra.StackTopics;

/**
 * The stack the benchmark measures: either one it starts itself, like {@code ./xianjie up} (a real
 * broker, PostgreSQL with fsync and synchronous commit, the three packaged services with the JVM
 * flags of the local stack) in a throw-away folder on free ports, or servers given by URL.
 */
final class BenchStack implements AutoCloseable {

    final Map<Services, String> urls = new EnumMap<>(Services.class);
    final Map<Services, Long> pids = new EnumMap<>(Services.class);
    /** Milliseconds from a service's JVM start to its first 200 on /q/health/ready. */
    final Map<Services, Long> startMillis = new EnumMap<>(Services.class);

    String kafka;
    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;
    SigningKeys keys;

    private final List<AutoCloseable> running = new ArrayList<>();
    private Path home;

    static BenchStack start(Path root, Path home, String jvmOptions) throws IOException {
        BenchStack stack = new BenchStack();
        try {
            stack.startIn(root, home, jvmOptions);
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e;
        }
    }

    private void startIn(Path root, Path home, String jvmOptions) throws IOException {
        BenchStack stack = this;
        stack.home = home;
        deleteTree(home);
        Files.createDirectories(home);
        System.out.println("starting PostgreSQL, Kafka and the three services in " + home + " ...");
        Postgres pg = Postgres.embedded(home.resolve("postgres"), Ports.free());
        stack.running.add(pg);
        KafkaBroker broker = new KafkaBroker(home.resolve("kafka"), Ports.free(), Ports.free());
        stack.running.add(broker);
        stack.kafka = broker.start().bootstrapServers();
        StackTopics.ensure(stack.kafka);
        stack.keys = SigningKeys.loadOrCreate(home.resolve("keys"));
        pg.ensureDatabase("xianjie_bench");
        stack.jdbcUrl = pg.jdbcUrl("xianjie_bench");
        stack.jdbcUser = pg.user();
        stack.jdbcPassword = pg.password();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // One at a time, so that each start time is its own and not three JVMs sharing two cores.
        for (Services service : Services.all()) {
            pg.ensureDatabase(service.database());
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(
                    ServiceProcess.environment(port, pg, service.database(), stack.kafka, stack.keys.publicKeyPem()));
            // The benchmark drives one agency far above the production per-agency default.
            env.put("XIANJIE_RATE_LIMIT_PER_AGENCY_PER_SECOND", "100000");
            env.put("XIANJIE_RATE_LIMIT_BURST", "100000");
            // The webhook receiver of the benchmark listens on this machine.
            env.put("XIANJIE_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
            if (jvmOptions != null) {
                env.put(ServiceProcess.JVM_OPTIONS, jvmOptions);
            }
            ServiceProcess process = new ServiceProcess(
                    service.module(),
                    service.jar(root),
                    port,
                    env,
                    home.resolve("logs").resolve(service.module() + ".log"));
            stack.running.add(process.start());
            // The first start creates the schema; the start time that counts is a restart, as a
            // replica or a rescheduled pod starts on an existing database.
            if (awaitReady(process, http).isEmpty()) {
                throw new IllegalStateException(
                        service.module() + " was not ready within 300 s; see " + home.resolve("logs"));
            }
            process.stop();
            long begin = System.nanoTime();
            process.start();
            OptionalLong ready = awaitReady(process, http);
            if (ready.isEmpty()) {
                throw new IllegalStateException(
                        service.module() + " was not ready within 300 s; see " + home.resolve("logs"));
            }
            stack.startMillis.put(service, (ready.getAsLong() - begin) / 1_000_000);
            stack.urls.put(service, process.url());
            stack.pids.put(service, process.pid());
        }
    }

    static BenchStack remote(
            Map<Services, String> urls, String kafka, String jdbcUrl, String user, String password, SigningKeys keys) {
        BenchStack stack = new BenchStack();
        stack.urls.putAll(urls);
        stack.kafka = kafka;
        stack.jdbcUrl = jdbcUrl;
        stack.jdbcUser = user;
        stack.jdbcPassword = password;
        stack.keys = keys;
        return stack;
    }

    boolean startedHere() {
        return home != null;
    }

    Path home() {
        return home;
    }

    private static OptionalLong awaitReady(ServiceProcess process, HttpClient http) {
        long end = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(process.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return OptionalLong.of(System.nanoTime());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** Resident set size of a process in MB from /proc, or -1 when it cannot be read. */
    static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
