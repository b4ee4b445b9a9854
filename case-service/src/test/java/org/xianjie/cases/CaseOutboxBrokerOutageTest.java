package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.xianjie.cases.CaseApi.post;
import static org.xianjie.localinfra.TopicReader.header;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/** Acknowledged changes survive a broker outage: accepted meanwhile, published afterwards, in order, once each. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class CaseOutboxBrokerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOSED = "org.xianjie.case.closed.v1";

    @Test
    void casesAreAcceptedWhileTheBrokerIsDownAndPublishedInOrderOnceItReturns() throws Exception {
        // A Testcontainers or external broker cannot be stopped and restarted from here.
        assumeTrue(TestInfra.get().kafka() != null, "needs the in-process broker, which the test can stop and restart");
        List<String> ids = new ArrayList<>();
        TestInfra.get().kafka().stop();
        try {
            for (int i = 0; i < 3; i++) {
                String id = CaseApi.open("TJ-MPA", CaseApi.number("津药监处"));
                post("TJ-MPA", id, "facts", CaseApi.FACTS).statusCode(200);
                post("TJ-MPA", id, "evidence", CaseApi.evidence(CaseApi.sha())).statusCode(201);
                post("TJ-MPA", id, "penalty", CaseApi.PENALTY)
                        .statusCode(200)
                        .body("state", equalTo("PENALTY_DECIDED"));
                ids.add(id);
            }
        } finally {
            TestInfra.get().kafka().start();
        }

        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            topic.await(r -> ids.contains(r.key()), 12, Duration.ofSeconds(60));
            // Closing each case is the witness: once its event has arrived, every earlier record of the
            // case has too (one partition per case), redeliveries included.
            for (String id : ids) {
                post("TJ-MPA", id, "close", CaseApi.CLOSE).statusCode(200);
            }
            assertThat(topic.await(
                            r -> ids.contains(r.key()) && CLOSED.equals(header(r, "ce_type")),
                            3,
                            Duration.ofSeconds(60)))
                    .hasSize(3);
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> ids.contains(r.key()) && !CLOSED.equals(header(r, "ce_type")), 12, Duration.ZERO);
            // A deduplicating consumer keeps the first record of each CloudEvent id.
            Map<String, ConsumerRecord<String, String>> firstById = new LinkedHashMap<>();
            records.forEach(r -> firstById.putIfAbsent(header(r, "ce_id"), r));
            assertThat(firstById).hasSize(12);
            for (String id : ids) {
                List<ConsumerRecord<String, String>> ofCase = firstById.values().stream()
                        .filter(r -> id.equals(r.key()))
                        .toList();
                assertThat(ofCase)
                        .extracting(r -> header(r, "ce_type"))
                        .containsExactly(
                                "org.xianjie.case.opened.v1", "org.xianjie.case.facts-recorded.v1",
                                "org.xianjie.case.evidence-added.v1", "org.xianjie.case.penalty-decided.v1");
                assertThat(ofCase)
                        .extracting(r -> JSON.readTree(r.value()).get("version").asLong())
                        .containsExactly(0L, 1L, 2L, 3L);
            }
        }
    }
}
