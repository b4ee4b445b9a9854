package org.xianjie.notification;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test SSE client on the JDK HttpClient: reads the stream line by line on its own thread. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    final int status;

    SseClient(URI base, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        status = response.statusCode();
        body = response.body();
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    /** The next {@code count} events, failing if they do not arrive within {@code timeout}. */
    List<Event> take(int count, Duration timeout) throws InterruptedException {
        List<Event> got = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            Event e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError(
                        "got " + got.size() + " of " + count + " events within " + timeout + ": " + got);
            }
            got.add(e);
        }
        return got;
    }

    /** Events up to and including the first that matches {@code last}, failing if it does not come within {@code timeout}. */
    List<Event> takeUntil(java.util.function.Predicate<Event> last, Duration timeout) throws InterruptedException {
        List<Event> got = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (got.isEmpty() || !last.test(got.get(got.size() - 1))) {
            Event e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("the awaited event did not arrive within " + timeout + "; got " + got);
            }
            got.add(e);
        }
        return got;
    }

    List<String> comments() {
        return comments;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
