package org.xianjie.localinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Reads a topic from the beginning, as a test observer outside any service. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topics));
    }

    /** Polls until {@code count} records seen so far match, or the timeout passes; returns the matches. */
    public List<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            // No wait: what has arrived by now (after a witness event, for instance).
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return matching(match);
        }
        try {
            // In the test's thread: the consumer is not to be used from another.
            return Awaitility.await()
                    .atMost(timeout)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                                return matching(match);
                            },
                            matches -> matches.size() >= count);
        } catch (ConditionTimeoutException e) {
            // The caller asserts on what did arrive, which names the records in its failure.
            return matching(match);
        }
    }

    /** Keeps polling for {@code quiet} and returns every match, to check that nothing more arrives. */
    public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> match, Duration quiet) {
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(match);
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> match) {
        return seen.stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
