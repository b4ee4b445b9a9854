package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./xianjie dlq}: calls the service's admin API as a platform operator and prints what it answered. */
class DeadLetterCommandTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/admin/dead-letters", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String letter = """
                    {"dlqPartition": 0, "dlqOffset": 7, "originalTopic": "xianjie.referral.events", "key": "case-1",
                     "eventId": "ev-1", "eventType": "org.xianjie.referral.send.v1",
                     "reason": "record has no ce_id header: not a CloudEvent", "deadLetteredAt": "2026-12-01T02:00:00Z",
                     "replayed": false}""";
            String body = exchange.getRequestURI().getPath().endsWith("/replay")
                    ? "{\"topic\": \"xianjie.case-service.dlq\", \"replayed\": 1, \"deadLetters\": [" + letter + "]}"
                    : "{\"topic\": \"xianjie.case-service.dlq\", \"count\": 1, \"deadLetters\": [" + letter + "]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listAndReplayCallTheAdminApiWithAnOperatorToken() throws Exception {
        int port = server.getAddress().getPort();
        DeadLetterCommand command = new DeadLetterCommand(role -> "token-for-" + role);

        String listed = captured(() -> assertEquals(0, command.run("list", "case", false, port)));
        assertTrue(listed.contains("1 unreplayed dead letters on xianjie.case-service.dlq"), listed);
        assertTrue(listed.contains("not a CloudEvent"), listed);
        String replayed = captured(() -> assertEquals(0, command.run("replay", "case-service", false, port)));
        assertTrue(replayed.contains("replayed 1 dead letters"), replayed);

        assertEquals(
                List.of(
                        "GET /api/v1/admin/dead-letters?limit=1000 Bearer token-for-platform-operator",
                        "POST /api/v1/admin/dead-letters/replay Bearer token-for-platform-operator"),
                requests);
    }

    @Test
    void aServiceThatDoesNotAnswerIsSaidSo() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertEquals(1, new DeadLetterCommand(role -> "t").run("list", "notification", false, port));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String captured(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
