package org.xianjie.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: no
 * driver downloads. Evaluates JavaScript in the page, waits for conditions, takes screenshots.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    public Chromium() throws Exception {
        profile = Files.createTempDirectory("xianjie-chromium-");
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--lang=zh-CN",
                        "--window-size=1280,860",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectErrorStream(true)
                .start();
        String browserWs = null;
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (browserWs == null && System.nanoTime() < end) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                browserWs = m.group(1);
            }
        }
        if (browserWs == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not announce its DevTools endpoint");
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (Exception ignored) {
                        // chromium exited
                    }
                },
                "chromium-output");
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(browserWs);
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (int i = 0; i < 50 && pageWs == null; i++) {
            JsonNode targets = mapper.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    pageWs = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageWs == null) {
                Thread.sleep(100);
            }
        }
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageWs), new Listener())
                .get(10, TimeUnit.SECONDS);
        call("Page.enable", mapper.createObjectNode());
        call(
                "Emulation.setDeviceMetricsOverride",
                mapper.createObjectNode()
                        .put("width", 1280)
                        .put("height", 860)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode message = mapper.readTree(buffer.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f =
                                pending.remove(message.get("id").asInt());
                        if (f != null) {
                            f.complete(message);
                        }
                    }
                } catch (Exception e) {
                    // an unreadable protocol message: ignore it
                }
                buffer.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    public JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = mapper.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(mapper.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode response = reply.get(30, TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    public void navigate(String url) throws Exception {
        call("Page.navigate", mapper.createObjectNode().put("url", url));
        waitFor("document.readyState === 'complete'", Boolean.TRUE::equals, Duration.ofSeconds(15));
    }

    /** Evaluates {@code expression} in the page and returns its value (promises awaited). */
    public Object eval(String expression) throws Exception {
        JsonNode result = call(
                "Runtime.evaluate",
                mapper.createObjectNode()
                        .put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return mapper.treeToValue(result.path("result").path("value"), Object.class);
    }

    public Object waitFor(String expression, Predicate<Object> done, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Object value = eval(expression);
        while (!done.test(value)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("page never satisfied `" + expression + "`; last value " + value);
            }
            Thread.sleep(50);
            value = eval(expression);
        }
        return value;
    }

    public void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", mapper.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            // Chromium's helper processes may still be removing their own files; a file gone mid-walk is fine.
            for (int attempt = 0; attempt < 3; attempt++) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                    break;
                } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                    Thread.sleep(200);
                }
            }
        }
    }
}
