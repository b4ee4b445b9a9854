package org.xianjie.localinfra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherKilledTest {

    @Test
    void launcherKilledWithSigkillLeavesNoChildRunning(@TempDir Path dir) throws Exception {
        Path argFile = dir.resolve("java.args");
        Files.writeString(argFile, "-cp \"" + JavaProcess.classPath() + "\"\n");
        Process launcher = new ProcessBuilder(
                        JavaProcess.javaExecutable(),
                        "-Xmx256m",
                        "@" + argFile,
                        GuardedLauncher.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("launcher.err").toFile()))
                .start();
        List<Long> children;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("children "));
            assertTrue(line != null, "the launcher did not start its children; see " + dir.resolve("launcher.err"));
            children = Arrays.stream(line.substring("children ".length()).split(" "))
                    .map(Long::parseLong)
                    .toList();
        }
        assertEquals(3, children.size());
        assertTrue(children.stream().allMatch(LauncherKilledTest::alive), "children running before the kill");

        launcher.destroyForcibly();
        assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));

        await("PostgreSQL, Kafka and the service stand-in to end with their launcher")
                .atMost(Duration.ofSeconds(40))
                .until(() -> children.stream().noneMatch(LauncherKilledTest::alive));
    }

    /** Running, not merely a zombie that whoever adopted it has not reaped yet. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
