package org.xianjie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.xianjie.localinfra.SseStream;

/** An agency's live notification stream (SSE), read as a client would, noting when each event arrived. */
final class NotificationStream implements AutoCloseable {

    record Received(JsonNode notification, long arrivedNanos) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SseStream sse;

    NotificationStream(String baseUrl, String token) throws Exception {
        sse = SseStream.open(
                HttpClient.newHttpClient(),
                URI.create(baseUrl + "/api/v1/notifications/stream"),
                token,
                Duration.ofSeconds(10),
                "e2e-sse-reader",
                (notification, arrived) -> received.add(new Received(notification, arrived)));
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
        sse.close();
    }
}
