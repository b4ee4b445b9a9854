package org.xianjie.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.platform.kafka.KafkaClientSecurity;

/**
 * Lists and replays this service's dead-letter topic.
 *
 * <p>Replay re-publishes each record not yet replayed to the topic it came from, with its key,
 * value and original headers (less the dead-letter ones, plus {@value #REPLAYED_FROM} naming the
 * dead-letter position), waits until the broker acknowledged all of them, and only then commits
 * the offsets of the consumer group {@code <service>-dlq-replay} on the dead-letter topic: that
 * committed offset is what marks records as replayed. A crash between the two re-sends a record
 * at the next replay, which consumers absorb because they dedupe on CloudEvent source + id.
 * Blocking Kafka client calls: callers run this on a worker thread.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String REPLAYED_FROM = "xianjie-replayed-from";
    private static final String DLQ_HEADER_PREFIX = "dead-letter-";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final String group;
    private final KafkaClientSecurity security;

    public DeadLetters(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "xianjie.dead-letters.topic") Optional<String> topic,
            KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.topic = topic.orElse("xianjie." + applicationName + ".dlq");
        this.group = applicationName + "-dlq-replay";
    }

    public String topic() {
        return topic;
    }

    /** Records of the dead-letter topic, oldest first: only those not yet replayed unless {@code all}. */
    public List<DeadLetter> list(boolean all, int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<DeadLetter> out = new ArrayList<>();
            read(consumer, all, limit, (record, replayed) -> out.add(describe(record, replayed)));
            return out;
        }
    }

    /** Replays up to {@code limit} records not replayed yet; returns what was replayed. */
    public synchronized List<DeadLetter> replay(int limit) {
        List<DeadLetter> replayed = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            read(consumer, false, limit, (record, already) -> {
                String target = header(record, "dead-letter-topic");
                if (target == null) {
                    LOG.warnf(
                            "dead letter %s-%d@%d names no original topic; skipped",
                            record.topic(), record.partition(), record.offset());
                } else {
                    RecordHeaders headers = new RecordHeaders();
                    for (Header h : record.headers()) {
                        if (!h.key().startsWith(DLQ_HEADER_PREFIX) && !h.key().equals(REPLAYED_FROM)) {
                            headers.add(h);
                        }
                    }
                    headers.add(
                            REPLAYED_FROM,
                            (record.topic() + "/" + record.partition() + "/" + record.offset())
                                    .getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)));
                    replayed.add(describe(record, false));
                }
                next.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            });
            for (Future<RecordMetadata> ack : acks) {
                ack.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!next.isEmpty()) {
                consumer.commitSync(next, WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying dead letters", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "the broker did not acknowledge the replayed records; nothing was marked "
                            + "replayed, replay again",
                    e);
        }
        LOG.infof("replayed %d dead letters from %s", replayed.size(), topic);
        return replayed;
    }

    private interface Visitor {
        void visit(ConsumerRecord<byte[], byte[]> record, boolean replayed);
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer, boolean all, int limit, Visitor visitor) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, WAIT);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(new java.util.HashSet<>(partitions), WAIT);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, WAIT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
        Map<TopicPartition, Long> replayedUpTo = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long mark = Math.max(c == null ? 0 : c.offset(), begin.get(tp));
            replayedUpTo.put(tp, mark);
            consumer.seek(tp, all ? begin.get(tp) : mark);
        }
        int seen = 0;
        Instant deadline = Instant.now().plus(WAIT);
        while (seen < limit && Instant.now().isBefore(deadline) && !reachedEnd(consumer, partitions, end)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(tp) || seen >= limit) {
                    continue;
                }
                visitor.visit(record, record.offset() < replayedUpTo.get(tp));
                seen++;
            }
        }
    }

    private static boolean reachedEnd(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        return new DeadLetter(
                record.partition(),
                record.offset(),
                header(record, "dead-letter-topic"),
                number(header(record, "dead-letter-partition"), Integer::valueOf),
                number(header(record, "dead-letter-offset"), Long::valueOf),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, "ce_id"),
                header(record, "ce_source"),
                header(record, "ce_type"),
                header(record, "dead-letter-reason"),
                header(record, "dead-letter-cause"),
                header(record, "dead-letter-exception-class-name"),
                Instant.ofEpochMilli(record.timestamp()).toString(),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                replayed);
    }

    private static <T> T number(String value, java.util.function.Function<String, T> parse) {
        try {
            return value == null ? null : parse.apply(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(security.settings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(security.settings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
