package org.xianjie.localinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stack's one edge port, standing in for the Gateway of {@code deploy/}: it routes each
 * request by the same HTTPRoutes ({@code deploy/base/gateway.yaml}, read at start, so the two
 * cannot drift) to the service that serves the path. Through it the console, its APIs and the APIs
 * of the other services share one origin, as they do in production, so the console's
 * {@code connect-src 'self'} holds and it can read, say, referral-service's data-quality view.
 * Like the Gateway it routes nothing under {@code /q}. Streams (SSE) pass through as they come.
 */
public final class Edge implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "date");

    private final RouteTable routes;
    private final Map<String, URI> backends;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private HttpServer server;
    private ExecutorService executor;

    /** {@code backends}: deploy/'s Service name (e.g. "referral-service") to where that service listens. */
    public Edge(RouteTable routes, Map<String, URI> backends) {
        this.routes = routes;
        this.backends = Map.copyOf(backends);
    }

    /**
     * The service a request goes to, or null (404) when no rule matches; {@link RouteTable.Ambiguous}
     * where Gateway API leaves the choice to the implementation (GatewayRouteCoverageTest keeps
     * deploy/ free of those).
     */
    String route(String path, String method) {
        RouteTable.Route route = routes.route(path, method);
        return route == null ? null : route.backend();
    }

    public Edge start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        // A thread per exchange: a console's live stream holds one for as long as it is open.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "xianjie-edge");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            String backend;
            try {
                backend = route(path, method);
            } catch (RouteTable.Ambiguous e) {
                problem(exchange, 502, "Bad Gateway", e.getMessage());
                return;
            }
            URI base = backend == null ? null : backends.get(backend);
            if (base == null) {
                problem(exchange, 404, "Not Found", "no route for " + path);
                return;
            }
            forward(exchange, base, method);
        }
    }

    private void forward(HttpExchange exchange, URI base, String method) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create(base + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            problem(exchange, 503, "Service Unavailable", "the service behind this path is not answering");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : Math.max(length, 0));
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            if (noBody) {
                return;
            }
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                // Each piece goes out as it comes: a server-sent event must not wait for the next.
                out.flush();
            }
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        byte[] json = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
