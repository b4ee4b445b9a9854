package org.xianjie.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    @Test
    void childKilledIsStartedAgainWithALineSayingSo() throws Exception {
        AtomicReference<Process> child = new AtomicReference<>(sleeper());
        long first = child.get().pid();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (Supervisor supervisor = new Supervisor(new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            supervisor.watch("sleeper", () -> child.get().isAlive(), () -> child.set(sleeper()));

            child.get().destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> child.get().pid() != first && child.get().isAlive());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> lines.toString(StandardCharsets.UTF_8).contains("sleeper restarted"));
            assertTrue(lines.toString(StandardCharsets.UTF_8).contains("sleeper is not running; restarting it"));
        } finally {
            child.get().destroyForcibly();
        }
    }

    private static Process sleeper() {
        try {
            return new ProcessBuilder("sleep", "600").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
