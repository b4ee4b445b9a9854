package org.xianjie.localinfra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.SigningKeys;
import org.xianjie.localinfra.SseStream;
import org.xianjie.localinfra.Tokens;

/**
 * {@code ./xianjie bench}: the suite's speed measured in one run beside its limits (issue 15),
 * on a stack it starts itself or on servers given by URL. Prints a table of figures with the ratio
 * to each limit, writes it to {@code target/bench/results.md} and a plot of latency against
 * offered rate to {@code target/bench/latency-vs-rate.svg}. A missed limit is reported, not
 * failed; only an error (a stack that does not start, a request the suite refuses with a 4xx/5xx
 * it should not) ends with a non-zero exit.
 *
 * <pre>
 *   --ci                       a few seconds per figure (CI after the tests)
 *   --rates=20,100,500         SEND rates per second for the stream figures
 *   --send-seconds=N           how long each SEND rate is held (full run 20)
 *   --case-url=URL --referral-url=URL --notification-url=URL
 *                              measure these services instead of starting a stack; tokens are
 *                              signed with the key in --keys (default .xianjie/keys, as ./xianjie up)
 *   --kafka=HOST:PORT --jdbc-url=URL --jdbc-user=U --jdbc-password=P
 *                              the broker and a PostgreSQL database for the raw figures
 *   --jvm-opts="..."           JVM options of the services the bench starts
 *   --out=DIR                  where results go (default target/bench)
 * </pre>
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String SEND_BODY = """
            {"attachments": [
              {"kind": "REFERRAL_LETTER", "title": "移送书", "sha256": "%1$s"},
              {"kind": "INVESTIGATION_REPORT", "title": "调查报告", "sha256": "%1$s"},
              {"kind": "SEIZED_ITEMS_LIST", "title": "涉案物品清单", "sha256": "%1$s"},
              {"kind": "EXPERT_OPINION", "title": "鉴定意见", "sha256": "%1$s"}]}""".formatted(SHA);

    private final Map<String, String> options;
    private final boolean ci;
    private final Path out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Offered rate -> latency histogram, per plotted series. */
    private final Map<String, Map<Double, Histogram>> series = new LinkedHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, daemon("bench-http")))
            .build();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Map<Services, AtomicLong> peakRss = new EnumMap<>(Services.class);
    private BenchStack stack;

    private Bench(Map<String, String> options, Path out) {
        this.options = options;
        this.ci = options.containsKey("ci");
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                System.err.println(
                        "unknown argument " + arg + " (see the class comment of Bench or docs/benchmarks.md)");
                System.exit(2);
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        Path root = Path.of(System.getProperty("xianjie.root", "."))
                .toAbsolutePath()
                .normalize();
        Path out = Path.of(options.getOrDefault(
                        "out", root.resolve("target").resolve("bench").toString()))
                .toAbsolutePath();
        Files.createDirectories(out);
        Bench bench = new Bench(options, out);
        int code;
        try {
            code = bench.run(root);
        } finally {
            if (bench.stack != null) {
                bench.stack.close();
            }
        }
        System.exit(code);
    }

    private int run(Path root) throws Exception {
        String load = load();
        System.out.println("Xianjie benchmark (" + (ci ? "CI size" : "full") + "), "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + load);
        if (options.containsKey("case-url")) {
            Map<Services, String> urls = new EnumMap<>(Services.class);
            urls.put(Services.CASE, options.get("case-url"));
            urls.put(Services.REFERRAL, options.get("referral-url"));
            urls.put(Services.NOTIFICATION, options.get("notification-url"));
            Path home = Path.of(System.getenv()
                    .getOrDefault("XIANJIE_HOME", root.resolve(".xianjie").toString()));
            stack = BenchStack.remote(
                    urls,
                    options.get("kafka"),
                    options.get("jdbc-url"),
                    options.getOrDefault("jdbc-user", "postgres"),
                    options.getOrDefault("jdbc-password", "postgres"),
                    SigningKeys.loadOrCreate(Path.of(
                            options.getOrDefault("keys", home.resolve("keys").toString()))));
        } else {
            stack = BenchStack.start(root, out.resolve("stack"), options.get("jvm-opts"));
            for (Services service : Services.all()) {
                figures.add(Figure.ceiling(
                        service.module() + " ready after JVM start",
                        stack.startMillis.get(service),
                        "ms",
                        3_000,
                        load()));
            }
        }
        ScheduledSampler sampler = new ScheduledSampler();
        int errors = 0;
        double insertTps = Double.NaN;
        if (stack.kafka != null) {
            errors += guard("Kafka", this::kafka);
        } else {
            notes.add("raw Kafka latency not measured: no --kafka given");
        }
        if (stack.jdbcUrl != null) {
            double[] tps = new double[] {Double.NaN};
            errors += guard("PostgreSQL", () -> tps[0] = postgres());
            insertTps = tps[0];
        } else {
            notes.add("raw PostgreSQL insert rate not measured: no --jdbc-url given");
        }
        double tps = insertTps;
        errors += guard("case ingest (REST)", () -> caseIngest(tps));
        errors += guard("case ingest (CloudEvents batch)", this::batchIngest);
        errors += guard("SEND to streams", this::sendToStreams);
        sampler.stop();
        if (stack.startedHere()) {
            for (Services service : Services.all()) {
                figures.add(Figure.ceiling(
                        service.module() + " resident memory (peak under load)",
                        peakRss.get(service).get(),
                        "MB",
                        300,
                        load()));
            }
        } else {
            notes.add("resident memory and start time not measured: the services run elsewhere");
        }
        report();
        return errors == 0 ? 0 : 1;
    }

    private interface Step {
        void run() throws Exception;
    }

    private int guard(String what, Step step) {
        long begin = System.nanoTime();
        try {
            step.run();
            System.out.printf("  measured %s in %.0f s (load %s)%n", what, (System.nanoTime() - begin) / 1e9, load());
            return 0;
        } catch (Exception e) {
            System.err.println("ERROR measuring " + what + ": " + e);
            e.printStackTrace();
            notes.add("ERROR measuring " + what + ": " + e);
            return 1;
        }
    }

    // ---- raw broker --------------------------------------------------------------------------

    private void kafka() throws Exception {
        String topic = "xianjie.bench.latency";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        int rate = ci ? 200 : 500;
        int count = rate * (ci ? 3 : 10);
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<String, Object> consumerConfig = Map.of(
                "bootstrap.servers",
                stack.kafka,
                "key.deserializer",
                ByteArrayDeserializer.class.getName(),
                "value.deserializer",
                ByteArrayDeserializer.class.getName(),
                "enable.auto.commit",
                "false",
                "fetch.max.wait.ms",
                "5");
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers",
                        stack.kafka,
                        "acks",
                        "all",
                        "linger.ms",
                        "0",
                        "enable.idempotence",
                        "true",
                        "key.serializer",
                        ByteArraySerializer.class.getName(),
                        "value.serializer",
                        ByteArraySerializer.class.getName()))) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread reader = new Thread(
                    () -> {
                        while (!stop.get() && received.get() < count) {
                            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                                long sent = ByteBuffer.wrap(r.value()).getLong();
                                histogram.recordValue(Math.max(0, (System.nanoTime() - sent) / 1_000));
                                received.incrementAndGet();
                            }
                        }
                    },
                    "bench-kafka-reader");
            reader.start();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] value = new byte[1024];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
            reader.join(30_000);
            stop.set(true);
            reader.join(5_000);
        }
        String load = load();
        figures.add(Figure.reference(
                "Kafka end-to-end p50 (acks=all, 1 KB, " + rate + "/s)",
                histogram.getValueAtPercentile(50) / 1000.0,
                "ms",
                load));
        figures.add(Figure.reference(
                "Kafka end-to-end p99 (acks=all, 1 KB, " + rate + "/s)",
                histogram.getValueAtPercentile(99) / 1000.0,
                "ms",
                load));
        if (received.get() < count) {
            throw new IllegalStateException("the broker delivered " + received.get() + " of " + count + " records");
        }
    }

    // ---- raw database ------------------------------------------------------------------------

    private double postgres() throws Exception {
        int clients = 8;
        double seconds = ci ? 3 : 10;
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl, stack.jdbcUser, stack.jdbcPassword);
                Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, "
                    + "at timestamptz not null default now(), payload text not null)");
        }
        AtomicLong inserts = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("bench-jdbc"));
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(stack.jdbcUrl, stack.jdbcUser, stack.jdbcPassword)) {
                    try (Statement s = c.createStatement()) {
                        // The suite's durable setting: a commit is on disk before it is acknowledged.
                        s.execute("set synchronous_commit = on");
                    }
                    try (PreparedStatement insert =
                            c.prepareStatement("insert into bench_insert (payload) values (?)")) {
                        while (System.nanoTime() < end) {
                            insert.setString(1, "津市监处〔2026〕" + inserts.get());
                            insert.executeUpdate();
                            inserts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double tps = inserts.get() / seconds;
        figures.add(Figure.reference(
                "PostgreSQL single-row inserts, " + clients + " JDBC clients, synchronous_commit on",
                tps,
                "TPS",
                load()));
        return tps;
    }

    // ---- case ingest -------------------------------------------------------------------------

    private CompletableFuture<Integer> postCase(String token, int i) {
        String body = """
                {"caseNumber": "津知执〔2026〕%s-%d", "category": "PATENT", "title": "假冒专利", "openedOn": "2026-05-06"}""".formatted(run, i);
        return post(Services.CASE, "/api/v1/cases", token, "application/json", body)
                .thenApply(HttpResponse::statusCode);
    }

    private void caseIngest(double insertTps) throws Exception {
        String token = token("TJ-IPO", "officer");
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        // Warm-up: the first requests pay for class loading and compilation, not the path.
        closedLoop(8, ci ? 2 : 5, () -> postCase(token, 1_000_000 + counter.getAndIncrement()));
        double seconds = ci ? 3 : 10;
        int connections = 16;
        int[] closed = closedLoop(connections, seconds, () -> postCase(token, 2_000_000 + counter.getAndIncrement()));
        double throughput = closed[0] / seconds;
        String load = load();
        if (!Double.isNaN(insertTps)) {
            figures.add(Figure.floor(
                    "case ingest REST throughput, " + connections + " connections " + "(limit: 10% of the insert TPS)",
                    throughput,
                    "cases/s",
                    0.1 * insertTps,
                    load));
        } else {
            figures.add(Figure.reference(
                    "case ingest REST throughput, " + connections + " connections", throughput, "cases/s", load));
        }
        if (closed[1] > 0) {
            notes.add("case ingest closed loop: " + closed[1] + " requests not 2xx");
        }
        double half = Double.isNaN(insertTps) ? 50 : Math.max(5, Math.round(0.05 * insertTps));
        List<Double> rates = new ArrayList<>(ci ? List.of(20.0, half) : List.of(20.0, 50.0, 100.0, half, 2 * half));
        rates = rates.stream().distinct().sorted().toList();
        Map<Double, Histogram> plot = series.computeIfAbsent("POST /api/v1/cases", k -> new LinkedHashMap<>());
        for (double rate : rates) {
            int base = 3_000_000 + (int) rate * 100_000;
            OpenLoop.Result r = OpenLoop.run(rate, seconds, i -> postCase(token, base + i));
            plot.put(rate, r.latencyMicros());
            String at = String.format(
                    "%.0f/s offered, %.0f/s achieved, %d rejected, %d failed",
                    rate, r.achievedPerSecond(), r.rejected(), r.failed());
            if (rate == half) {
                figures.add(Figure.ceiling(
                        "case ingest REST p99 at half the throughput limit (" + at + ")",
                        r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                        "ms",
                        100,
                        load()));
            } else {
                figures.add(Figure.reference(
                        "case ingest REST p99 (" + at + ")",
                        r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                        "ms",
                        load()));
            }
            if (r.failed() > 0) {
                throw new IllegalStateException(r.failed() + " case posts failed at " + rate + "/s");
            }
        }
    }

    /** {@code connections} callers each sending the next request when the last answered; {ok, not ok}. */
    private int[] closedLoop(
            int connections, double seconds, java.util.function.Supplier<CompletableFuture<Integer>> call)
            throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger bad = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            try {
                                int status = call.get().get(60, TimeUnit.SECONDS);
                                (status / 100 == 2 ? ok : bad).incrementAndGet();
                            } catch (Exception e) {
                                bad.incrementAndGet();
                            }
                        }
                    },
                    "bench-closed-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new int[] {ok.get(), bad.get()};
    }

    private void batchIngest() throws Exception {
        String token = token("TJ-AMR", "officer");
        int rounds = ci ? 2 : 5;
        List<Double> walls = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long begin = System.nanoTime();
            for (int b = 0; b < 10; b++) {
                StringBuilder batch = new StringBuilder("[");
                for (int e = 0; e < 100; e++) {
                    String number = "津市监处〔2026〕" + run + "-b" + round + "-" + b + "-" + e + "号";
                    batch.append(e == 0 ? "" : ",").append("""
                            {"specversion": "1.0", "id": "bench-%s-%d-%d-%d", "source": "/agencies/TJ-AMR",
                             "type": "org.xianjie.case.opened.v1", "subject": "%s",
                             "data": {"caseNumber": "%s", "category": "COPYRIGHT", "title": "销售盗版图书案",
                                      "openedOn": "2026-03-09"}}""".formatted(run, round, b, e, number, number));
                }
                calls.add(post(
                        Services.CASE,
                        "/api/v1/events/batch",
                        token,
                        "application/cloudevents-batch+json",
                        batch.append(']').toString()));
            }
            int applied = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response;
                try {
                    response = call.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                        throw e;
                    }
                    // Slow is a measurement, not an error: the round is recorded at the timeout.
                    notes.add("a CloudEvents batch did not answer within the bench's 60 s request timeout");
                    figures.add(Figure.ceiling(
                            "CloudEvents batch ingest of 1,000 events (10 × 100 at once): " + "TIMED OUT",
                            60_000,
                            "ms",
                            1_000,
                            load()));
                    return;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
                }
                for (JsonNode result : JSON.readTree(response.body()).path("results")) {
                    if (result.path("status").asInt() / 100 == 2) {
                        applied++;
                    }
                }
            }
            walls.add((System.nanoTime() - begin) / 1e6);
            if (applied != 1_000) {
                throw new IllegalStateException("a batch round applied " + applied + " of 1,000 events");
            }
        }
        walls.sort(Double::compare);
        figures.add(Figure.ceiling(
                "CloudEvents batch ingest of 1,000 events (10 × 100 at once, median of " + rounds + ")",
                walls.get(walls.size() / 2),
                "ms",
                1_000,
                load()));
    }

    // ---- SEND -> streams and webhook ---------------------------------------------------------

    private void sendToStreams() throws Exception {
        List<Double> rates = Arrays.stream(options.getOrDefault("rates", ci ? "20,100" : "20,100,500")
                        .split(","))
                .map(Double::parseDouble)
                .toList();
        double seconds = Double.parseDouble(options.getOrDefault("send-seconds", ci ? "3" : "20"));
        Map<String, Long> webhookArrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode data = JSON.readTree(in).path("data");
                if ("SEND".equals(data.path("step").asText())) {
                    webhookArrivals.putIfAbsent(data.path("referralId").asText(), now);
                }
            } catch (IOException ignored) {
                // a body the receiver cannot read counts as not delivered
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4, daemon("bench-webhook")));
        receiver.start();
        String webhookId = null;
        HttpResponse<String> registered = post(
                        Services.NOTIFICATION,
                        "/api/v1/webhooks",
                        token("TJ-PSB", "admin"),
                        "application/json",
                        """
                        {"url": "http://127.0.0.1:%d/hook", "eventTypes": ["*"], "description": "bench"}""".formatted(receiver.getAddress().getPort()))
                .get(30, TimeUnit.SECONDS);
        if (registered.statusCode() / 100 == 2) {
            webhookId = JSON.readTree(registered.body()).path("id").asText();
        } else {
            notes.add("webhook latency not measured: registration answered " + registered.statusCode()
                    + " (a remote stack must allow the bench's address in xianjie.webhooks.allowed-networks)");
        }
        Map<Double, Histogram> police = series.computeIfAbsent("SEND → police stream", k -> new LinkedHashMap<>());
        Map<Double, Histogram> procuratorate =
                series.computeIfAbsent("SEND → procuratorate stream", k -> new LinkedHashMap<>());
        try {
            for (double rate : rates) {
                sendAt(rate, seconds, police, procuratorate, webhookId == null ? null : webhookArrivals);
            }
        } finally {
            if (webhookId != null) {
                http.send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.urls.get(Services.NOTIFICATION) + "/api/v1/webhooks/" + webhookId))
                                .DELETE()
                                .header("Authorization", "Bearer " + token("TJ-PSB", "admin"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            receiver.stop(0);
        }
    }

    private void sendAt(
            double rate,
            double seconds,
            Map<Double, Histogram> policePlot,
            Map<Double, Histogram> procuratoratePlot,
            Map<String, Long> webhooks)
            throws Exception {
        int count = (int) Math.round(rate * seconds);
        System.out.printf("  preparing %d approved referrals for %.0f SEND/s ...%n", count, rate);
        List<String> referrals = prepareReferrals(count);
        String sender = token("TJ-AMR", "officer");
        Map<String, Long> due = new ConcurrentHashMap<>();
        try (Stream policeStream = new Stream(Services.NOTIFICATION, token("TJ-PSB", "officer"));
                Stream procuratorateStream = new Stream(Services.NOTIFICATION, token("TJ-PROC", "officer"))) {
            long begin = System.nanoTime();
            OpenLoop.Result calls = OpenLoop.run(rate, seconds, i -> {
                String id = referrals.get(i);
                due.put(id, begin + (long) (i * 1e9 / rate));
                return post(
                                Services.REFERRAL,
                                "/api/v1/referrals/" + id + "/steps/SEND",
                                sender,
                                "application/json",
                                SEND_BODY)
                        .thenApply(HttpResponse::statusCode);
            });
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < waitUntil
                    && (policeStream.arrivals.size() < calls.ok()
                            || procuratorateStream.arrivals.size() < calls.ok()
                            || (webhooks != null && arrivedOf(webhooks, due) < calls.ok()))) {
                Thread.sleep(20);
            }
            Histogram toPolice = latencies(policeStream.arrivals, due);
            Histogram toProcuratorate = latencies(procuratorateStream.arrivals, due);
            policePlot.put(rate, toPolice);
            procuratoratePlot.put(rate, toProcuratorate);
            String load = load();
            long lost = calls.ok() - Math.min(policeStream.arrivals.size(), procuratorateStream.arrivals.size());
            String at = String.format(
                    "%.0f/s for %.0f s, %d sent, %d rejected, %d not on both streams within 60 s%s",
                    rate,
                    seconds,
                    calls.ok(),
                    calls.rejected(),
                    lost,
                    policeStream.closedByServer() || procuratorateStream.closedByServer()
                            ? ", STREAM CLOSED BY SERVER"
                            : "");
            figures.add(Figure.ceiling(
                    "SEND → police stream p99 (" + at + ")",
                    toPolice.getValueAtPercentile(99) / 1000.0,
                    "ms",
                    100,
                    load));
            figures.add(Figure.ceiling(
                    "SEND → procuratorate stream p99 (" + at + ")",
                    toProcuratorate.getValueAtPercentile(99) / 1000.0,
                    "ms",
                    100,
                    load));
            figures.add(Figure.reference(
                    "SEND call p50 / p99 at " + (int) rate + "/s: p99 (p50 "
                            + Figure.number(calls.latencyMicros().getValueAtPercentile(50) / 1000.0) + " ms)",
                    calls.latencyMicros().getValueAtPercentile(99) / 1000.0,
                    "ms",
                    load));
            if (webhooks != null) {
                Histogram hooks = latencies(webhooks, due);
                figures.add(Figure.reference(
                        "SEND → police webhook delivery p99 at " + (int) rate + "/s (p50 "
                                + Figure.number(hooks.getValueAtPercentile(50) / 1000.0) + " ms, "
                                + hooks.getTotalCount()
                                + " of " + calls.ok() + " delivered)",
                        hooks.getValueAtPercentile(99) / 1000.0,
                        "ms",
                        load));
            }
            if (calls.failed() > 0) {
                throw new IllegalStateException(calls.failed() + " SEND calls failed at " + rate + "/s");
            }
        }
    }

    private static long arrivedOf(Map<String, Long> arrivals, Map<String, Long> due) {
        return due.keySet().stream().filter(arrivals::containsKey).count();
    }

    private static Histogram latencies(Map<String, Long> arrivals, Map<String, Long> due) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        due.forEach((id, at) -> {
            Long arrived = arrivals.get(id);
            if (arrived != null) {
                histogram.recordValue(Math.max(0, (arrived - at) / 1_000));
            }
        });
        return histogram;
    }

    /** Referrals opened and approved by TJ-AMR, ready to SEND; made 16 at a time. */
    private List<String> prepareReferrals(int count) throws Exception {
        String officer = token("TJ-AMR", "officer");
        String head = token("TJ-AMR", "head");
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<String>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String caseId = UUID.randomUUID().toString();
            CompletableFuture<String> referral = post(
                            Services.REFERRAL, "/api/v1/referrals", officer, "application/json", """
                            {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                             "category": "TRADEMARK", "reason": "非法经营数额8.6万元", "caseTeam": ["张伟", "李娜"]}""".formatted(
                                            caseId, caseId.substring(0, 8)))
                    .thenCompose(created -> {
                        if (created.statusCode() != 201) {
                            throw new IllegalStateException(
                                    "referral answered " + created.statusCode() + ": " + created.body());
                        }
                        String id = read(created.body()).path("id").asText();
                        return post(
                                        Services.REFERRAL,
                                        "/api/v1/referrals/" + id + "/steps/APPROVE",
                                        head,
                                        "application/json",
                                        "{}")
                                .thenApply(approved -> {
                                    if (approved.statusCode() != 200) {
                                        throw new IllegalStateException("approval answered " + approved.statusCode());
                                    }
                                    return id;
                                });
                    });
            referral.whenComplete((id, failure) -> inFlight.release());
            made.add(referral);
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> f : made) {
            ids.add(f.get(120, TimeUnit.SECONDS));
        }
        return ids;
    }

    /** An agency's live stream, read at once as a prompt client does, noting when each SEND arrived. */
    private final class Stream implements AutoCloseable {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final SseStream sse;

        Stream(Services service, String token) throws Exception {
            sse = SseStream.open(
                    http,
                    URI.create(stack.urls.get(service) + "/api/v1/notifications/stream"),
                    token,
                    Duration.ofSeconds(30),
                    "bench-sse",
                    (n, arrived) -> {
                        if ("SEND".equals(n.path("step").asText())) {
                            arrivals.putIfAbsent(n.path("referralId").asText(), arrived);
                        }
                    });
        }

        boolean closedByServer() {
            return sse.closedByServer();
        }

        @Override
        public void close() throws IOException {
            sse.close();
        }
    }

    // ---- resident memory ---------------------------------------------------------------------

    /** Samples each service's resident memory every half second and keeps the peak. */
    private final class ScheduledSampler {
        private final java.util.concurrent.ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(daemon("bench-rss"));

        ScheduledSampler() {
            for (Services service : Services.all()) {
                peakRss.put(service, new AtomicLong());
            }
            if (stack.startedHere()) {
                timer.scheduleAtFixedRate(
                        () -> stack.pids.forEach((service, pid) ->
                                peakRss.get(service).accumulateAndGet(BenchStack.residentMegabytes(pid), Math::max)),
                        0,
                        500,
                        TimeUnit.MILLISECONDS);
            }
        }

        void stop() {
            timer.shutdownNow();
        }
    }

    // ---- output ------------------------------------------------------------------------------

    private void report() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| figure | measured | limit | ratio | load average |\n|---|---:|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(Figure.number(f.measured()))
                    .append(' ')
                    .append(f.unit())
                    .append(" | ")
                    .append(f.limitText())
                    .append(" | ")
                    .append(f.ratioText())
                    .append(" | ")
                    .append(f.load())
                    .append(" |\n");
        }
        for (String note : notes) {
            md.append("\n- ").append(note);
        }
        System.out.println();
        System.out.println("Xianjie benchmark results (" + Instant.now() + ", " + (ci ? "CI size" : "full")
                + "; ratio ≥ 1.00 meets the limit)");
        System.out.print(md);
        System.out.println();
        Files.writeString(out.resolve("results.md"), md.toString());
        Path svg = out.resolve("latency-vs-rate.svg");
        Files.writeString(svg, LatencyPlot.svg(series));
        System.out.println("table: " + out.resolve("results.md") + "   plot: " + svg);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private CompletableFuture<HttpResponse<String>> post(
            Services service, String path, String token, String type, String body) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(stack.urls.get(service) + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String agency, String role) {
        return Tokens.issue(
                stack.keys.privateKey(), agency, role + "@" + agency.toLowerCase(), Set.of(role), Duration.ofHours(2));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
