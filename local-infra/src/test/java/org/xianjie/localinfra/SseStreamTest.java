package org.xianjie.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE reader the bench and the e2e tests share: events as JSON in order, and who ended the stream. */
class SseStreamTest {

    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stream", exchange -> {
            if (!"Bearer t".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(": keep-alive\n\nid: 1\ndata: {\"n\": 1,\ndata: \"step\": \"SEND\"}\n\ndata:{\"n\": 2}\n\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream");
    }

    @Test
    void eachEventsDataLinesArriveAsOneJsonInOrderAndTheServersEndIsNoticed() throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        try (SseStream stream = SseStream.open(
                HttpClient.newHttpClient(), url(), "t", Duration.ofSeconds(10), "test-sse", (n, at) -> events.add(n))) {
            await().atMost(Duration.ofSeconds(30)).until(stream::closedByServer);
            assertEquals(2, events.size());
            assertEquals(1, events.get(0).path("n").asInt());
            assertEquals("SEND", events.get(0).path("step").asText());
            assertEquals(2, events.get(1).path("n").asInt());
        }
    }

    @Test
    void aStreamThatDoesNotAnswer200IsRefused() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> SseStream.open(
                        HttpClient.newHttpClient(), url(), "wrong", Duration.ofSeconds(10), "test-sse", (n, at) -> {}));
        assertFalse(refused.getMessage().isBlank());
    }
}
