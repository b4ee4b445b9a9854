package org.xianjie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.PrometheusText;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.referral.service.DeadlineWorker;

@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class DeadlineBreachTest {

    private static final String BREACHED = "org.xianjie.referral.deadline-breached.v1";
    private static final String REMINDER = "org.xianjie.referral.deadline-reminder.v1";
    private static final String FILE = "org.xianjie.referral.file.v1";
    private static final Duration WITNESS_WAIT = Duration.ofSeconds(40);

    @Inject
    DeadlineWorker worker;

    @Test
    void missedFilingDecisionProducesExactlyOneBreachEventAndShowsOverdue() {
        UUID caseId = UUID.randomUUID();
        String id = Flow.received(caseId);
        double breachedBefore = breachedCount("FILING_DECISION");
        DeadlineShift.moveDueIntoPast(id, "FILING_DECISION");
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            List<ConsumerRecord<String, String>> breaches = topic.await(
                    r -> caseId.toString().equals(r.key()) && BREACHED.equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(20));
            assertThat(breaches).hasSize(1);
            assertThat(breaches.get(0).value())
                    .contains("\"code\":\"FILING_DECISION\"", "\"responsibleAgency\":\"TJ-PSB\"", "\"overdue\":true");
            get(token("TJ-PROC"), id).then().body("deadlines[0].overdue", equalTo(true));
            io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(token("TJ-PROC"))
                    .get("/api/v1/referrals?overdue=true")
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(id));
            // The operators' counter (alert XianjieDeadlineBreached) moved with it.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(breachedCount("FILING_DECISION")).isGreaterThan(breachedBefore));
            // Another pass of the worker, then the late decision: FILE closes the limit, and its event
            // follows on the case's partition whatever the worker wrote before it.
            worker.runOnce().await().atMost(Duration.ofSeconds(20));
            Flow.ok(token("TJ-PSB"), id, "FILE", null);
            awaitWitness(topic, caseId.toString(), FILE);
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key()) && BREACHED.equals(header(r, "ce_type")),
                            1,
                            Duration.ZERO))
                    .hasSize(1);
        }
    }

    /** Waits for the witness: once it has arrived, every earlier event of its case has too (one partition). */
    private static void awaitWitness(TopicReader topic, String caseId, String type) {
        assertThat(topic.await(r -> caseId.equals(r.key()) && type.equals(header(r, "ce_type")), 1, WITNESS_WAIT))
                .as("witness %s of case %s", type, caseId)
                .hasSize(1);
    }

    private static double breachedCount(String deadline) {
        return PrometheusText.value(
                io.restassured.RestAssured.given()
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "xianjie_deadlines_breached_total",
                Map.of("deadline", deadline));
    }

    /**
     * Two (here: eight) instances of the deadline worker claiming against the same database at once,
     * alongside the application's own scheduled worker: still one breach event per missed deadline.
     */
    @Test
    void competingWorkersOnOneDatabaseStillBreachEachDeadlineOnce() {
        List<UUID> cases = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID caseId = UUID.randomUUID();
            cases.add(caseId);
            ids.add(Flow.received(caseId));
        }
        // Move all five at once, so that the workers race for the same rows.
        DeadlineShift.pool()
                .preparedQuery("""
                        update deadline set due_at = now() - interval '1 minute', reminder_at = now() - interval '2 minutes'
                        where referral_id = any($1) and closed_at is null""")
                .execute(Tuple.of(ids.stream().map(UUID::fromString).toArray(UUID[]::new)))
                .await()
                .indefinitely();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return worker.runOnce().await().atMost(Duration.ofSeconds(20));
            }));
        }
        go.countDown();
        runs.forEach(CompletableFuture::join);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            // The late decision on each referral closes its limit; its event is the witness that every
            // breach or reminder written before it for that case has arrived.
            ids.forEach(id -> Flow.ok(token("TJ-PSB"), id, "FILE", null));
            cases.forEach(caseId -> awaitWitness(topic, caseId.toString(), FILE));
            List<ConsumerRecord<String, String>> breaches = topic.await(
                    r -> cases.contains(UUID.fromString(r.key())) && BREACHED.equals(header(r, "ce_type")),
                    cases.size(),
                    Duration.ZERO);
            assertThat(breaches)
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(
                            cases.stream().map(UUID::toString).toList());
            assertThat(topic.await(
                            r -> cases.contains(UUID.fromString(r.key())) && REMINDER.equals(header(r, "ce_type")),
                            1,
                            Duration.ZERO))
                    .isEmpty();
        }
    }

    @Test
    void reminderGoesOutOnceBeforeTheLimit() {
        UUID caseId = UUID.randomUUID();
        String id = Flow.received(caseId);
        DeadlineShift.pool()
                .preparedQuery("""
                        update deadline set reminder_at = now() - interval '1 second'
                        where referral_id = $1 and closed_at is null""")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .indefinitely();
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key()) && REMINDER.equals(header(r, "ce_type")),
                            1,
                            Duration.ofSeconds(20)))
                    .hasSize(1);
            get(token("TJ-PSB"), id).then().body("deadlines[0].remindedAt", org.hamcrest.Matchers.notNullValue());
            worker.runOnce().await().atMost(Duration.ofSeconds(20));
            Flow.ok(token("TJ-PSB"), id, "FILE", null);
            awaitWitness(topic, caseId.toString(), FILE);
            assertThat(topic.await(
                            r -> caseId.toString().equals(r.key()) && REMINDER.equals(header(r, "ce_type")),
                            1,
                            Duration.ZERO))
                    .hasSize(1);
        }
    }
}
