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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** An agency's live notification stream (SSE), read as a client would, noting when each event arrived. */
final class NotificationStream implements AutoCloseable {

    record Received(JsonNode notification, long arrivedNanos) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final InputStream body;

    NotificationStream(String baseUrl, String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notifications/stream"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new AssertionError("stream answered " + response.statusCode());
        }
        body = response.body();
        Thread reader = new Thread(this::read, "e2e-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        received.add(new Received(JSON.readTree(data.toString()), System.nanoTime()));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    /** The first notification matching {@code match}, waiting up to {@code timeout}. */
    Received await(Predicate<JsonNode> match, Duration timeout) {
        return Awaitility.await("a matching notification among those received")
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .until(
                        () -> received.stream()
                                .filter(r -> match.test(r.notification()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    long count(Predicate<JsonNode> match) {
        return received.stream().filter(r -> match.test(r.notification())).count();
    }

    @Override
    public void close() throws Exception {
        body.close();
    }
}
