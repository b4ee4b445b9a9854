package org.xianjie.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A server-sent event stream read at once on its own thread, as a prompt client reads it: each
 * event's {@code data:} lines are joined, parsed as JSON and handed on with the {@link
 * System#nanoTime()} it arrived at. Shared by the bench and the e2e tests that time notifications.
 */
public final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream body;
    private final BiConsumer<JsonNode, Long> onEvent;
    private volatile boolean closing;
    private volatile boolean closedByServer;

    private SseStream(InputStream body, BiConsumer<JsonNode, Long> onEvent, String threadName) {
        this.body = body;
        this.onEvent = onEvent;
        Thread reader = new Thread(this::read, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens {@code url} with a bearer token; {@code onEvent} gets each event and its arrival time.
     *
     * @throws IllegalStateException when the stream does not answer 200
     */
    public static SseStream open(
            HttpClient http,
            URI url,
            String token,
            Duration timeout,
            String threadName,
            BiConsumer<JsonNode, Long> onEvent)
            throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(
                        HttpRequest.newBuilder(url)
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        return new SseStream(response.body(), onEvent, threadName);
    }

    /** The server ended the stream (not {@link #close()}). */
    public boolean closedByServer() {
        return closedByServer;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        long arrived = System.nanoTime();
                        onEvent.accept(JSON.readTree(data.toString()), arrived);
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server; told apart below
        }
        if (!closing) {
            closedByServer = true;
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        body.close();
    }
}
