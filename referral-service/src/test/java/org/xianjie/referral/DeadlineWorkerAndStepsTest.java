package org.xianjie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xianjie.localinfra.TopicReader.header;
import static org.xianjie.referral.Flow.get;
import static org.xianjie.referral.Flow.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.referral.service.DeadlineWorker;

/**
 * The deadline worker and REST steps writing the same referrals at the same moment (issue #13:
 * reminders sent but {@code remindedAt} lost, events of a case published out of order): every
 * reminder that went out reads back as reminded, and each case's events reach the topic in the
 * order its state changed.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "referral"))
class DeadlineWorkerAndStepsTest {

    private static final String REMINDER = "org.xianjie.referral.deadline-reminder.v1";
    private static final String FILE = "org.xianjie.referral.file.v1";
    private static final int REFERRALS = 40;

    @Inject
    DeadlineWorker worker;

    @Inject
    ObjectMapper mapper;

    @Test
    void remindersDueWhileStepsCloseTheirDeadlinesAreKeptAndPublishedInOrder() throws Exception {
        Map<UUID, String> referralOfCase = new LinkedHashMap<>();
        for (int i = 0; i < REFERRALS; i++) {
            UUID caseId = UUID.randomUUID();
            referralOfCase.put(caseId, Flow.received(caseId));
        }
        UUID[] ids = referralOfCase.values().stream().map(UUID::fromString).toArray(UUID[]::new);

        ExecutorService threads = Executors.newFixedThreadPool(REFERRALS + 2);
        AtomicBoolean stepping = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(threads.submit(() -> {
                while (stepping.get()) {
                    worker.runOnce().await().atMost(Duration.ofSeconds(20));
                }
            }));
        }
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> fileStatus = new ConcurrentHashMap<>();
        List<Future<?>> steps = new ArrayList<>();
        for (String id : referralOfCase.values()) {
            steps.add(threads.submit(() -> {
                go.await();
                fileStatus.put(id, Flow.step(token("TJ-PSB"), id, "FILE", null).statusCode());
                return null;
            }));
        }
        // Every filing decision's reminder falls due now, as the police file all forty at once.
        DeadlineShift.pool().preparedQuery("""
                        update deadline set reminder_at = now()
                        where referral_id = any($1) and code = 'FILING_DECISION'""").execute(Tuple.of(ids)).await().indefinitely();
        go.countDown();
        for (Future<?> step : steps) {
            step.get();
        }
        stepping.set(false);
        for (Future<?> w : workers) {
            w.get();
        }
        threads.shutdown();
        assertThat(fileStatus.values()).hasSize(REFERRALS).containsOnly(200);

        // What a reader finds: which filing decisions were reminded, as the referral shows them.
        Set<UUID> remindedCases = referralOfCase.entrySet().stream()
                .filter(e -> filingDecision(e.getValue()).get("remindedAt") != null)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        awaitOutboxRelayed(ids);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            topic.await(
                    r -> isOurs(r, referralOfCase) && FILE.equals(header(r, "ce_type")),
                    REFERRALS,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> ours = topic.await(
                    r -> isOurs(r, referralOfCase), REFERRALS * 5 + remindedCases.size(), Duration.ofSeconds(30));

            Map<UUID, List<ConsumerRecord<String, String>>> byCase = new HashMap<>();
            ours.forEach(r -> byCase.computeIfAbsent(UUID.fromString(r.key()), k -> new ArrayList<>())
                    .add(r));
            Set<UUID> announcedCases = new java.util.HashSet<>();
            for (Map.Entry<UUID, List<ConsumerRecord<String, String>>> e : byCase.entrySet()) {
                List<ConsumerRecord<String, String>> events = e.getValue();
                long reminders = events.stream()
                        .filter(r -> REMINDER.equals(header(r, "ce_type")))
                        .count();
                assertThat(reminders).as("reminders of case %s", e.getKey()).isLessThanOrEqualTo(1);
                if (reminders == 1) {
                    announcedCases.add(e.getKey());
                }
                assertInStateOrder(e.getKey(), events);
            }
            System.out.printf(
                    "DeadlineWorkerAndStepsTest: %d referrals filed, %d reminders sent and kept%n",
                    REFERRALS, announcedCases.size());
            assertThat(announcedCases)
                    .as("cases whose reminder went out = cases showing remindedAt")
                    .isEqualTo(remindedCases);
        }
    }

    /**
     * Along the topic the snapshot version never falls, and a reminder (which changes no state)
     * carries the version of the step just before it: it was written after that step and before
     * the next one. The reminder of the filing decision therefore precedes FILE, which closes it.
     */
    private void assertInStateOrder(UUID caseId, List<ConsumerRecord<String, String>> events) throws Exception {
        long last = -1;
        List<String> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : events) {
            JsonNode data = mapper.readTree(r.value());
            long version = data.get("version").asLong();
            String type = header(r, "ce_type");
            seen.add(type.replace("org.xianjie.referral.", "") + "@" + version + ":"
                    + data.get("state").asText());
            if (REMINDER.equals(type)) {
                assertThat(version).as("case %s: %s", caseId, seen).isEqualTo(last);
                assertThat(data.get("state").asText())
                        .as("case %s: %s", caseId, seen)
                        .isEqualTo("RECEIVED");
            } else {
                assertThat(version).as("case %s: %s", caseId, seen).isGreaterThan(last);
            }
            last = version;
        }
        assertThat(seen.get(seen.size() - 1)).as("case %s", caseId).startsWith("file.v1@");
    }

    private static boolean isOurs(ConsumerRecord<String, String> r, Map<UUID, String> referralOfCase) {
        try {
            return r.key() != null && referralOfCase.containsKey(UUID.fromString(r.key()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> filingDecision(String id) {
        JsonPath view =
                get(token("TJ-PSB"), id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> settled = view.getList("settledDeadlines");
        return settled.stream()
                .filter(d -> "FILING_DECISION".equals(d.get("code")))
                .findFirst()
                .orElseThrow();
    }

    /** The witness that the topic holds everything: no outbox row of these referrals' cases is unpublished. */
    private static void awaitOutboxRelayed(UUID[] referralIds) {
        org.awaitility.Awaitility.await("unpublished outbox rows of these referrals")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> DeadlineShift.pool()
                                .preparedQuery("""
                                        select count(*) from outbox_event where published_at is null
                                          and subject = any(select 'referrals/' || id from unnest($1::uuid[]) as id)""")
                                .execute(Tuple.of(referralIds))
                                .await()
                                .indefinitely()
                                .iterator()
                                .next()
                                .getLong(0),
                        pending -> pending == 0);
    }
}
