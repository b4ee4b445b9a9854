package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local edge routes as deploy/'s HTTPRoutes do, passes requests through whole and streams as they come. */
class EdgeTest {

    private static final Path GATEWAY = Path.of("").toAbsolutePath().getParent().resolve("deploy/base/gateway.yaml");

    private final Map<String, HttpServer> backends = new HashMap<>();
    private final CountDownLatch streamMayEnd = new CountDownLatch(1);
    private Edge edge;

    /** A backend that answers with its name, the path, query and Authorization it received. */
    private URI backend(String name) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    streamMayEnd.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        backends.put(name, server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private Edge edge() throws Exception {
        Map<String, URI> urls = new HashMap<>();
        for (String name : new String[] {"case-service", "referral-service", "notification-service"}) {
            urls.put(name, backend(name));
        }
        edge = new Edge(RouteTable.read(GATEWAY), urls).start(0);
        return edge;
    }

    @AfterEach
    void stop() {
        streamMayEnd.countDown();
        if (edge != null) {
            edge.close();
        }
        backends.values().forEach(s -> s.stop(0));
    }

    @Test
    void routesEachPathToTheServiceTheGatewayRoutesItTo() throws Exception {
        Edge e = edge();
        assertEquals("referral-service", e.route("/api/v1/data-quality", "GET"));
        assertEquals("referral-service", e.route("/api/v1/referrals/abc", "GET"));
        assertEquals("notification-service", e.route("/api/v1/referrals/abc/timeline", "GET"));
        assertEquals("notification-service", e.route("/", "GET"));
        assertEquals("notification-service", e.route("/app.js", "GET"));
        assertEquals("case-service", e.route("/api/v1/events/batch", "POST"));
        assertNull(e.route("/q/metrics", "GET"));
        assertNull(e.route("/api/v1/casesx", "GET"));
    }

    @Test
    void passesMethodPathQueryTokenAndBodyThroughAndAnswers404ForWhatNoRouteServes() throws Exception {
        Edge e = edge();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(e.url() + "/api/v1/data-quality?from=2026-11-01&agency=TJ-PSB"))
                        .header("Authorization", "Bearer t0ken")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode());
        assertEquals(
                "referral-service POST /api/v1/data-quality?from=2026-11-01&agency=TJ-PSB Bearer t0ken {\"a\":1}",
                r.body());
        HttpResponse<String> q = client.send(
                HttpRequest.newBuilder(URI.create(e.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, q.statusCode());
        assertEquals(
                "application/problem+json",
                q.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aStreamedEventArrivesBeforeTheStreamEnds() throws Exception {
        Edge e = edge();
        HttpResponse<InputStream> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(e.url() + "/api/v1/notifications/stream"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            // The backend holds the stream open for 30 s: the event must come through long before.
            assertEquals("data: first", assertTimeoutPreemptively(Duration.ofSeconds(10), in::readLine));
        }
    }
}
