package org.xianjie.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;

/**
 * Measures how soon an accepted change leaves the outbox: from the event's time (set inside the
 * committing transaction) to the broker's timestamp on the record, over 200 cases posted to the
 * packaged case-service. Prints the figures; asserts only that every event arrived once.
 */
class OutboxLatencyBenchmarkTest {

    private static final int CASES = 200;

    @Test
    void everyAcceptedCaseLeavesTheOutboxOnceAndPromptly() {
        RunningSuite suite = RunningSuite.get();
        String token = RunningSuite.token("TJ-IPO");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < CASES; i++) {
            String id = given().baseUri(suite.url(Services.CASE))
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"caseNumber": "津知执〔2026〕%s-%d", "category": "PATENT", "title": "假冒专利",
                             "openedOn": "2026-05-06"}""".formatted(run, i))
                    .post("/api/v1/cases")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            ids.add(id);
        }
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            List<ConsumerRecord<String, String>> records =
                    topic.await(r -> ids.contains(r.key()), CASES, Duration.ofSeconds(60));
            assertThat(records).hasSize(CASES);
            List<Double> latencies = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                OffsetDateTime eventTime = OffsetDateTime.parse(TopicReader.header(r, "ce_time"));
                latencies.add((double) (r.timestamp() - eventTime.toInstant().toEpochMilli()));
            }
            System.out.println("[benchmark] "
                    + new Percentiles(latencies).summary("outbox commit-to-broker latency over " + CASES + " cases"));
        }
    }
}
