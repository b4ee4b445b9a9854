package org.xianjie.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack behind {@code ./xianjie}: a real Kafka broker and PostgreSQL (data under
 * {@code .xianjie/}), the three services, their health, and tokens for demo agencies. It creates
 * the topics before the services subscribe, restarts a child that dies, and takes every child
 * with it when it is killed (Kafka through {@link ParentWatch}, the rest through {@link ChildGuard}).
 *
 * <pre>
 *   up                      start everything in the foreground; Ctrl-C stops it all
 *   token AGENCY [ROLE...]  print a signed token the local stack accepts (default role: officer)
 *   token operator [AGENCY] print a token with only the platform-operator role
 *   agencies                list the agency directory
 *   status                  show which services answer ready
 *   dlq list|replay SERVICE [--all]  list or replay a service's dead letters
 *   bench [--ci] [OPTIONS]  measure the suite beside its limits ({@link org.xianjie.localinfra.bench.Bench})
 * </pre>
 *
 * Environment: {@code XIANJIE_HOME} (data folder, default ./.xianjie), {@code XIANJIE_KAFKA_PORT}
 * (19092), {@code XIANJIE_PG_PORT} (15432), {@code CASE_SERVICE_PORT} (8081),
 * {@code REFERRAL_SERVICE_PORT} (8082), {@code NOTIFICATION_SERVICE_PORT} (8083),
 * {@code XIANJIE_EDGE_PORT} (8080: the one origin of the console and every API, see {@link Edge}). With
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code XIANJIE_PG_HOST} (plus {@code XIANJIE_PG_PORT},
 * {@code XIANJIE_PG_USER}, {@code XIANJIE_PG_PASSWORD}) it uses those servers and starts only
 * the services.
 */
public final class LocalStack {

    private static final Map<String, String[]> DEMO_TOKENS = new java.util.LinkedHashMap<>();

    static {
        DEMO_TOKENS.put("TJ-AMR officer (market regulation)", new String[] {"TJ-AMR", "officer"});
        DEMO_TOKENS.put("TJ-AMR head (agency head, approves referrals)", new String[] {"TJ-AMR", "head"});
        DEMO_TOKENS.put("TJ-PSB officer (police)", new String[] {"TJ-PSB", "officer"});
        DEMO_TOKENS.put("TJ-PROC procurator", new String[] {"TJ-PROC", "officer"});
        DEMO_TOKENS.put("TJ-COURT judge", new String[] {"TJ-COURT", "officer"});
    }

    private static final int EDGE_PORT = 8080;

    private final Path home;
    private final Path projectRoot;

    LocalStack(Path home, Path projectRoot) {
        this.home = home;
        this.projectRoot = projectRoot;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("xianjie.root", "."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(env("XIANJIE_HOME", root.resolve(".xianjie").toString()))
                .toAbsolutePath();
        LocalStack stack = new LocalStack(home, root);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> stack.up();
            case "token" -> {
                if (args.length < 2) {
                    fail("usage: xianjie token AGENCY [ROLE...] | xianjie token operator [AGENCY]");
                }
                if ("operator".equals(args[1])) {
                    // Suite-wide settings (holiday calendar) need the platform-operator role and no other;
                    // the token still names the agency that employs the operator (default TJ-PROC).
                    System.out.println(stack.token(args.length > 2 ? args[2] : "TJ-PROC", List.of(OPERATOR_ROLE)));
                } else {
                    System.out.println(stack.token(args[1], List.of(args).subList(2, args.length)));
                }
            }
            case "agencies" -> stack.printAgencies();
            case "bench" ->
                org.xianjie.localinfra.bench.Bench.main(
                        List.of(args).subList(1, args.length).toArray(String[]::new));
            case "status" -> System.exit(stack.status() ? 0 : 1);
            case "dlq" -> {
                if (args.length < 3) {
                    fail("usage: xianjie dlq list|replay SERVICE [--all]   (SERVICE: case, referral, notification)");
                }
                System.exit(stack.deadLetters(args[1], args[2], List.of(args).contains("--all")));
            }
            default -> {
                System.out.println("""
                        usage: xianjie COMMAND
                          up                      build if needed, start Kafka, PostgreSQL and the three services; Ctrl-C stops all
                          token AGENCY [ROLE...]  print a token the local stack accepts (roles: officer, head, admin)
                          token operator [AGENCY] print a platform-operator token (holiday calendar and other suite-wide settings)
                          agencies                list the agency directory
                          status                  show whether each service is ready
                          dlq list SERVICE [--all]  list a service's dead letters not yet replayed (all with --all)
                          dlq replay SERVICE      re-publish them to their original topics, each once
                          bench [--ci]            start a throw-away stack and measure it beside the limits of
                                                  docs/benchmarks.md (or --case-url=... to measure given servers)""");
                System.exit("help".equals(command) ? 0 : 2);
            }
        }
    }

    void up() throws InterruptedException {
        Instant begin = Instant.now();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nstopping Xianjie ...");
                            for (int i = running.size() - 1; i >= 0; i--) {
                                try {
                                    running.get(i).close();
                                } catch (Exception e) {
                                    System.err.println("while stopping: " + e);
                                }
                            }
                            stopped.countDown();
                        },
                        "xianjie-stop"));

        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        KafkaBroker brokerToWatch = null;
        refuseBusyPorts(kafka == null, System.getenv("XIANJIE_PG_HOST") == null);
        Postgres pg;
        if (System.getenv("XIANJIE_PG_HOST") != null) {
            pg = Postgres.external(
                    System.getenv("XIANJIE_PG_HOST"),
                    intEnv("XIANJIE_PG_PORT", 5432),
                    env("XIANJIE_PG_USER", "postgres"),
                    env("XIANJIE_PG_PASSWORD", "postgres"));
            System.out.println("using external PostgreSQL at " + System.getenv("XIANJIE_PG_HOST"));
        } else {
            System.out.println("starting PostgreSQL (data in " + home.resolve("postgres") + ") ...");
            pg = Postgres.embedded(home.resolve("postgres"), intEnv("XIANJIE_PG_PORT", 15432));
            running.add(pg);
            guardPostmaster(pg);
        }
        if (kafka == null) {
            System.out.println("starting Kafka (data in " + home.resolve("kafka") + ") ...");
            KafkaBroker broker = new KafkaBroker(
                    home.resolve("kafka"),
                    intEnv("XIANJIE_KAFKA_PORT", 19092),
                    intEnv("XIANJIE_KAFKA_CONTROLLER_PORT", 19093));
            running.add(broker);
            kafka = broker.start().bootstrapServers();
            brokerToWatch = broker;
        } else {
            System.out.println("using external Kafka at " + kafka);
        }
        StackTopics.ensure(kafka);
        SigningKeys keys = SigningKeys.loadOrCreate(home.resolve("keys"));

        List<ServiceProcess> services = new ArrayList<>();
        for (Services service : Services.all()) {
            pg.ensureDatabase(service.database());
            int port = intEnv(service.module().toUpperCase().replace('-', '_') + "_PORT", service.defaultPort());
            ServiceProcess process = new ServiceProcess(
                    service.module(),
                    service.jar(projectRoot),
                    port,
                    ServiceProcess.environment(port, pg, service.database(), kafka, keys.publicKeyPem()),
                    home.resolve("logs").resolve(service.module() + ".log"));
            System.out.println("starting " + service.module() + " on port " + port + " ...");
            running.add(process.start());
            ChildGuard.guard(process.pid(), "TERM");
            services.add(process);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        // One origin for the console and every API, routed as deploy/'s Gateway routes them.
        Map<String, java.net.URI> backends = new java.util.HashMap<>();
        for (ServiceProcess service : services) {
            backends.put(service.name(), java.net.URI.create(service.url()));
        }
        Edge edge = new Edge(RouteTable.read(projectRoot.resolve("deploy/base/gateway.yaml")), backends)
                .start(intEnv("XIANJIE_EDGE_PORT", EDGE_PORT));
        running.add(edge);
        // Closed first on Ctrl-C (the list closes in reverse), so that stopping is not taken for a crash.
        Supervisor supervisor = new Supervisor(System.out);
        running.add(supervisor);
        if (brokerToWatch != null) {
            KafkaBroker broker = brokerToWatch;
            supervisor.watch("Kafka", broker::isRunning, broker::start);
        }
        if (running.contains(pg)) {
            Postgres postgres = pg;
            supervisor.watch("PostgreSQL", postgres::isRunning, () -> {
                postgres.start();
                guardPostmaster(postgres);
            });
        }
        for (ServiceProcess service : services) {
            supervisor.watch(service.name(), service::isAlive, () -> {
                service.start();
                ChildGuard.guard(service.pid(), "TERM");
                service.awaitReady(Duration.ofSeconds(120));
            });
        }
        long seconds = Duration.between(begin, Instant.now()).toSeconds();
        System.out.println();
        System.out.println("Xianjie is up in " + seconds + " s. Kafka " + kafka + ", PostgreSQL port " + pg.port()
                + ", logs in " + home.resolve("logs"));
        for (ServiceProcess service : services) {
            System.out.printf(
                    "  %-22s %s   (health %s/q/health/ready, OpenAPI %s/q/openapi)%n",
                    service.name(), service.url(), service.url(), service.url());
        }
        System.out.println(
                "  edge (as the Gateway)  " + edge.url() + "   (every API path and the console, one origin)");
        System.out.println("  web console            " + edge.url() + "/");
        System.out.println();
        System.out.println("Tokens for demo agencies (valid 12 hours; more with ./xianjie token AGENCY [ROLE]):");
        for (Map.Entry<String, String[]> demo : DEMO_TOKENS.entrySet()) {
            System.out.println("  " + demo.getKey() + ":");
            System.out.println("    " + token(demo.getValue()[0], List.of(demo.getValue()[1])));
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    /** pg_ctl detaches the postmaster from this JVM: without a guard it would outlive a killed launcher. */
    private static void guardPostmaster(Postgres pg) {
        pg.postmaster().ifPresent(postmaster -> ChildGuard.guard(postmaster.pid(), "INT"));
    }

    /** A clear word instead of a stack trace when another stack (or anything else) holds a port. */
    private static void refuseBusyPorts(boolean kafka, boolean postgres) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        if (postgres) {
            ports.put("PostgreSQL (XIANJIE_PG_PORT)", intEnv("XIANJIE_PG_PORT", 15432));
        }
        if (kafka) {
            ports.put("Kafka (XIANJIE_KAFKA_PORT)", intEnv("XIANJIE_KAFKA_PORT", 19092));
        }
        for (Services service : Services.all()) {
            String variable = service.module().toUpperCase().replace('-', '_') + "_PORT";
            ports.put(service.module() + " (" + variable + ")", intEnv(variable, service.defaultPort()));
        }
        ports.put("the edge (XIANJIE_EDGE_PORT)", intEnv("XIANJIE_EDGE_PORT", EDGE_PORT));
        ports.forEach((what, port) -> {
            if (Ports.isOpen(port)) {
                fail("port " + port + " for " + what + " is already in use: is another Xianjie stack running "
                        + "(./xianjie status)? Stop it, or choose another port with the variable named.");
            }
        });
    }

    /** The JWT group of the suite's operator (Caller.ROLE_PLATFORM_OPERATOR; local-infra does not depend on platform). */
    static final String OPERATOR_ROLE = "platform-operator";

    String token(String agency, List<String> roles) {
        if (directory().stream().noneMatch(a -> a.path("code").asText().equals(agency))) {
            fail("unknown agency " + agency + "; see ./xianjie agencies");
        }
        Set<String> set = new LinkedHashSet<>(roles.isEmpty() ? List.of("officer") : roles);
        SigningKeys keys = SigningKeys.loadOrCreate(home.resolve("keys"));
        String user = set.iterator().next() + "@" + agency.toLowerCase();
        return Tokens.issue(keys.privateKey(), agency, user, set, Duration.ofHours(12));
    }

    int deadLetters(String action, String serviceName, boolean all) throws IOException, InterruptedException {
        Services service;
        try {
            service = DeadLetterCommand.service(serviceName);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return 2;
        }
        int port = intEnv(service.module().toUpperCase().replace('-', '_') + "_PORT", service.defaultPort());
        // Any agency of the directory carries the operator role; the role, not the agency, grants access.
        String agency =
                env("XIANJIE_OPERATOR_AGENCY", directory().get(0).path("code").asText());
        return new DeadLetterCommand(role -> token(agency, List.of(role))).run(action, serviceName, all, port);
    }

    void printAgencies() {
        System.out.printf("%-12s %-15s %-7s %s%n", "CODE", "TYPE", "REGION", "NAME");
        for (JsonNode a : directory()) {
            System.out.printf(
                    "%-12s %-15s %-7s %s (%s)%n",
                    a.path("code").asText(),
                    a.path("type").asText(),
                    a.path("region").asText(),
                    a.path("name").asText(),
                    a.path("nameEn").asText());
        }
    }

    boolean status() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean allReady = true;
        for (Services service : Services.all()) {
            int port = intEnv(service.module().toUpperCase().replace('-', '_') + "_PORT", service.defaultPort());
            boolean ready = new ServiceProcess(
                            service.module(),
                            service.jar(projectRoot),
                            port,
                            Map.of(),
                            home.resolve("logs").resolve(service.module() + ".log"))
                    .isReady(http);
            allReady &= ready;
            System.out.printf("%-22s http://localhost:%d  %s%n", service.module(), port, ready ? "UP" : "DOWN");
        }
        int edge = intEnv("XIANJIE_EDGE_PORT", EDGE_PORT);
        System.out.printf(
                "%-22s http://localhost:%d  %s%n", "edge (console)", edge, Ports.isOpen(edge) ? "UP" : "DOWN");
        return allReady;
    }

    private static List<JsonNode> directory() {
        try (InputStream in = LocalStack.class.getResourceAsStream("/agencies.json")) {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
