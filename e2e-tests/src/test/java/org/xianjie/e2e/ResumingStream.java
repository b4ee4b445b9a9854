package org.xianjie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agency's notification stream read as a well-behaved client reads it: when the connection
 * ends (the service was killed, a proxy closed it) it reconnects with {@code Last-Event-ID} of the
 * last event it got, for as long as it is open. Every event received is kept, so a test can count
 * gaps and doubles across reconnections.
 */
final class ResumingStream implements AutoCloseable {

    record Received(long seq, JsonNode notification, long arrivedNanos) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean open = true;
    private volatile InputStream body;
    private volatile String lastEventId;

    ResumingStream(String baseUrl, String token) {
        this.url = baseUrl + "/api/v1/notifications/stream";
        this.token = token;
        reader = new Thread(this::run, "e2e-resuming-sse");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (open) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() == 200) {
                    connections.incrementAndGet();
                    body = response.body();
                    read(body);
                } else {
                    response.body().close();
                }
            } catch (Exception connectionEnded) {
                // the service is down or was killed: try again shortly, as a browser's EventSource does
            }
            if (open) {
                pause();
            }
        }
    }

    private void read(InputStream in) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String id = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        received.add(new Received(
                                id == null ? -1 : Long.parseLong(id),
                                JSON.readTree(data.toString()),
                                System.nanoTime()));
                        if (id != null) {
                            lastEventId = id;
                        }
                    }
                    data.setLength(0);
                    id = null;
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** How often the stream was (re)established. */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws Exception {
        open = false;
        InputStream in = body;
        if (in != null) {
            in.close();
        }
    }
}
