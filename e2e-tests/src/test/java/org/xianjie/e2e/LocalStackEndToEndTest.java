package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.StackTopics;

/**
 * {@code ./xianjie up} as a developer runs it, from the packaged launcher: its topics exist before
 * the services subscribe, a service or PostgreSQL killed with SIGKILL is started again with a line
 * saying so, and the launcher killed with SIGKILL leaves no process of the stack behind.
 */
class LocalStackEndToEndTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void stackRestartsWhatDiesAndTakesEverythingWithItWhenKilled() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path home = Path.of(
                        "target", "local-stack-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        int kafkaPort = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dxianjie.root=" + root,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        root.resolve("local-infra/target/xianjie-local-infra.jar")
                                + File.pathSeparator
                                + root.resolve("local-infra/target/lib/*"),
                        "org.xianjie.localinfra.LocalStack",
                        "up")
                .redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "XIANJIE_HOME",
                        home.toString(),
                        "XIANJIE_KAFKA_PORT",
                        Integer.toString(kafkaPort),
                        "XIANJIE_KAFKA_CONTROLLER_PORT",
                        Integer.toString(Ports.free()),
                        "XIANJIE_PG_PORT",
                        Integer.toString(Ports.free()),
                        "CASE_SERVICE_PORT",
                        Integer.toString(Ports.free()),
                        "REFERRAL_SERVICE_PORT",
                        Integer.toString(Ports.free()),
                        "NOTIFICATION_SERVICE_PORT",
                        Integer.toString(Ports.free())));
        Process launcher = builder.start();
        try {
            Thread reader = new Thread(() -> read(launcher), "local-stack-output");
            reader.setDaemon(true);
            reader.start();
            awaitLine("Xianjie is up", Duration.ofSeconds(240));

            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(StackTopics.names());
            }

            ProcessHandle referral = descendant(launcher, "referral-service");
            referral.destroyForcibly();
            awaitLine("referral-service restarted", Duration.ofSeconds(180));
            assertThat(descendant(launcher, "referral-service").pid()).isNotEqualTo(referral.pid());

            long postmaster = postmaster(home);
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            awaitLine("PostgreSQL restarted", Duration.ofSeconds(60));
            assertThat(postmaster(home)).isNotEqualTo(postmaster);

            List<ProcessHandle> stack = launcher.descendants().toList();
            long newPostmaster = postmaster(home);
            assertThat(stack).hasSizeGreaterThanOrEqualTo(4);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            await("the broker, PostgreSQL and the three services to end with the launcher")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> stack.stream().noneMatch(p -> alive(p.pid())) && !alive(newPostmaster));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private void read(Process launcher) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the launcher is gone
        }
    }

    private void awaitLine(String text, Duration timeout) {
        await("the local stack to say \"" + text + "\"; it said: " + lines)
                .atMost(timeout)
                .until(() -> lines.stream().anyMatch(l -> l.contains(text)));
    }

    private static ProcessHandle descendant(Process launcher, String module) {
        return launcher.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(module + "/target"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + module + " process under the launcher"));
    }

    private static long postmaster(Path home) throws IOException {
        return Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid"))
                .get(0)
                .trim());
    }

    /** Running, not merely a zombie that whoever adopted it has not reaped yet. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }
}
