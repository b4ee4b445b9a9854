package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.EventSchemaValidator;
import org.xianjie.events.EventSchemas;
import org.xianjie.events.KafkaHeaders;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;

/**
 * Every event the suite produced in this test run, on both topics, carries a {@code dataschema}
 * naming its type's schema and its data conforms to it. Runs after the other end-to-end tests
 * (junit-platform.properties orders classes by {@link Order}), so it checks what they produced
 * too; it first drives a flow of its own so that it checks case, step and lead events when run
 * alone.
 */
@Order(Integer.MAX_VALUE)
class EventSchemaEndToEndTest {

    private static final Duration KAFKA = Duration.ofSeconds(60);

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventSchemaValidator validator = new EventSchemaValidator();

    @Test
    void everyEventProducedConformsToTheSchemaItsDataschemaNames() throws IOException {
        String number = Api.caseNumber();
        String caseId = Api.openTrademarkCase(number);
        Api.decidePenalty(caseId);
        // The lead is screened from the penalty-decided event; a case already referred raises none,
        // so the referral starts only once the lead is on the topic.
        awaitWitnesses(caseId, Set.of(ReferralEventTypes.LEAD_RAISED));
        Api.referAndSend(caseId, number);
        awaitWitnesses(caseId, Set.of(ReferralEventTypes.forStep("SEND"), CaseEventTypes.REFERRAL_STATUS_CHANGED));

        List<ConsumerRecord<String, String>> records = everyRecord(Topics.CASE_EVENTS, Topics.REFERRAL_EVENTS);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> checkedByType = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = record.topic() + "@" + record.partition() + ":" + record.offset();
            String type = TopicReader.header(record, KafkaHeaders.TYPE);
            String dataschema = TopicReader.header(record, KafkaHeaders.DATA_SCHEMA);
            if (type == null || dataschema == null) {
                problems.add(id + " (" + type + ") has no ce_type or no ce_dataschema");
                continue;
            }
            if (!dataschema.equals(EventSchemas.uriOf(type).toString())) {
                problems.add(id + " (" + type + ") names dataschema " + dataschema);
            }
            JsonNode data = mapper.readTree(record.value());
            validator
                    .problems(URI.create(dataschema), data)
                    .forEach(problem -> problems.add(id + " (" + type + "): " + problem));
            checkedByType.merge(type, 1, Integer::sum);
        }
        System.out.printf("event schema check: %d events, by type %s%n", records.size(), checkedByType);

        assertThat(problems).as("events that do not conform to their schema").isEmpty();
        assertThat(checkedByType.keySet())
                .contains(
                        CaseEventTypes.OPENED,
                        CaseEventTypes.PENALTY_DECIDED,
                        CaseEventTypes.REFERRAL_STATUS_CHANGED,
                        ReferralEventTypes.forStep("REPORT"),
                        ReferralEventTypes.forStep("SEND"),
                        ReferralEventTypes.LEAD_RAISED);
    }

    /** The last events of this test's flow are on the topics (the outbox relays have published them). */
    private static void awaitWitnesses(String caseId, Set<String> wanted) {
        try (TopicReader reader =
                new TopicReader(TestInfra.get().kafkaBootstrapServers(), Topics.CASE_EVENTS, Topics.REFERRAL_EVENTS)) {

            List<ConsumerRecord<String, String>> seen = reader.await(
                    r -> caseId.equals(r.key()) && wanted.contains(TopicReader.header(r, KafkaHeaders.TYPE)),
                    wanted.size(),
                    KAFKA);
            assertThat(seen.stream()
                            .map(r -> TopicReader.header(r, KafkaHeaders.TYPE))
                            .collect(Collectors.toSet()))
                    .as("the flow's last events on the topics")
                    .containsAll(wanted);
        }
    }

    /** Every record of {@code topics} up to their end offsets now. */
    private static List<ConsumerRecord<String, String>> everyRecord(String... topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "schema-check-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(KAFKA);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(Instant.now()).as("read the topics to their end").isBefore(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
