package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a consumer group stands still after its consumer is killed with SIGKILL and started
 * again: the measurement behind the services' {@code session.timeout.ms=6000}. The new member gets
 * the partitions only once the dead member's session has expired (45 s by default). Set
 * {@code -Dxianjie.recovery.session-timeouts=45000,6000} to compare.
 */
class ConsumerRestartRecoveryTest {

    @Test
    void aKilledAndRestartedConsumerResumesWithinSeconds(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.onFreePorts(dir.resolve("kafka")).start()) {
            for (String value : System.getProperty("xianjie.recovery.session-timeouts", "6000")
                    .split(",")) {
                int sessionTimeout = Integer.parseInt(value.trim());
                Duration recovery = measure(broker.bootstrapServers(), sessionTimeout);
                System.out.printf(
                        "session.timeout.ms=%d: first record consumed %d ms after the restarted consumer "
                                + "was launched%n",
                        sessionTimeout, recovery.toMillis());
                if (sessionTimeout <= 6000) {
                    assertTrue(recovery.compareTo(Duration.ofSeconds(15)) < 0, "recovery took " + recovery);
                }
            }
        }
    }

    private static Duration measure(String bootstrap, int sessionTimeout) throws Exception {
        String topic = "recovery-" + sessionTimeout;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            Consumer first = new Consumer(bootstrap, topic, sessionTimeout);
            producer.send(new ProducerRecord<>(topic, "case-1", "before")).get();
            assertNotNull(first.await("CONSUMED before", Duration.ofSeconds(60)), "first consumer never consumed");
            first.process.destroyForcibly().waitFor();

            long launched = System.nanoTime();
            Consumer second = new Consumer(bootstrap, topic, sessionTimeout);
            try {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, "case-" + i, "after"))
                            .get();
                }
                assertNotNull(
                        second.await("CONSUMED after", Duration.ofSeconds(90)), "restarted consumer never consumed");
                return Duration.ofNanos(System.nanoTime() - launched);
            } finally {
                second.process.destroyForcibly().waitFor();
            }
        }
    }

    private static final class Consumer {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Consumer(String bootstrap, String topic, int sessionTimeout) throws Exception {
            process = new ProcessBuilder(
                            JavaProcess.javaExecutable(),
                            "-cp",
                            JavaProcess.classPath(),
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            RestartingConsumer.class.getName(),
                            bootstrap,
                            topic,
                            "recovery-group-" + topic,
                            Integer.toString(sessionTimeout))
                    .redirectErrorStream(true)
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String await(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        }
    }
}
