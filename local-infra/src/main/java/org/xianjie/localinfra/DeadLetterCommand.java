package org.xianjie.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code ./xianjie dlq list|replay SERVICE [--all]}: a service's dead letters through its admin API
 * ({@code /api/v1/admin/dead-letters}), with a short-lived token of the {@code platform-operator}
 * role signed by the local stack's key, so the command line and the API replay the same way.
 */
final class DeadLetterCommand {

    static final String ROLE = "platform-operator";

    private final Function<String, String> token;

    /** {@code token} issues a signed token carrying the given role. */
    DeadLetterCommand(Function<String, String> token) {
        this.token = token;
    }

    static Services service(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Services s : Services.all()) {
            if (s.module().equals(wanted)
                    || s.module().equals(wanted + "-service")
                    || s.name().equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service " + name + "; one of case, referral, notification");
    }

    /** Runs the command and returns the process exit code. */
    int run(String action, String serviceName, boolean all, int port) throws IOException, InterruptedException {
        Services service = service(serviceName);
        String base = "http://localhost:" + port + "/api/v1/admin/dead-letters";
        HttpRequest.Builder request;
        switch (action) {
            case "list" ->
                request = HttpRequest.newBuilder(URI.create(base + (all ? "?all=true&limit=1000" : "?limit=1000")))
                        .GET();
            case "replay" ->
                request =
                        HttpRequest.newBuilder(URI.create(base + "/replay")).POST(HttpRequest.BodyPublishers.noBody());
            default -> throw new IllegalArgumentException("usage: xianjie dlq list|replay SERVICE [--all]");
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> response;
        try {
            response = http.send(
                    request.header("Authorization", "Bearer " + token.apply(ROLE))
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println(service.module() + " does not answer on port " + port + " (./xianjie status): " + e);
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println(service.module() + " answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        JsonNode letters = body.path("deadLetters");
        if ("replay".equals(action)) {
            System.out.printf(
                    "replayed %d dead letters of %s to their original topics%n",
                    body.path("replayed").asInt(), body.path("topic").asText());
        } else {
            System.out.printf(
                    "%d %sdead letters on %s%n",
                    body.path("count").asInt(),
                    all ? "" : "unreplayed ",
                    body.path("topic").asText());
        }
        for (JsonNode d : letters) {
            System.out.printf(
                    "  %d@%d  %s%s  from %s  key %s  event %s (%s)%n      reason: %s%n",
                    d.path("dlqPartition").asInt(),
                    d.path("dlqOffset").asLong(),
                    d.path("deadLetteredAt").asText(),
                    d.path("replayed").asBoolean() ? "  [replayed]" : "",
                    d.path("originalTopic").asText("?"),
                    d.path("key").asText("-"),
                    d.path("eventId").asText("-"),
                    d.path("eventType").asText("-"),
                    d.path("reason").asText("-"));
        }
        return 0;
    }
}
