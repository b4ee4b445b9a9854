package org.xianjie.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An agency system's webhook receiver: a JDK HttpServer on a random loopback port, recording every request. */
final class TestReceiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, Instant at, int answered) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Integer> answer = r -> 200;

    TestReceiver() throws IOException {
        this(0);
    }

    /** On a given loopback port, for a service configured with the receiver's address before it starts. */
    TestReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Request received = new Request(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body,
                        Instant.now(),
                        0);
                int status = answer.apply(received);
                requests.add(new Request(
                        received.id(), received.timestamp(), received.signature(), body, received.at(), status));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(Function<Request, Integer> answer) {
        this.answer = answer;
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
