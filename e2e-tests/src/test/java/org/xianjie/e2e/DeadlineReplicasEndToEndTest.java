package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Postgres;
import org.xianjie.localinfra.ServiceProcess;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;

/**
 * Two replicas of referral-service share one database, as two pods would: a missed time limit
 * produces exactly one breach event, not one per replica.
 */
class DeadlineReplicasEndToEndTest {

    @Test
    void missedApprovalLimitIsBreachedExactlyOnceWithTwoReplicasRunning() throws Exception {
        RunningSuite suite = RunningSuite.get();
        try (ServiceProcess replica = suite.startReplica(Services.REFERRAL);
                TopicReader topic =
                        new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.referral.events")) {
            String caseId = UUID.randomUUID().toString();
            String referralId = Api.as(Services.REFERRAL, "TJ-AMR")
                    .body("""
                            {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                             "category": "TRADEMARK", "reason": "非法经营数额8.6万元", "caseTeam": ["张伟", "李娜"]}""".formatted(caseId, caseId.substring(0, 8)))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            // The head's 3-day approval limit (Decree 310 art. 5) passes: shift it into the past
            // rather than wait three days; both replicas' workers now compete for it.
            moveApprovalDeadlineIntoThePast(suite, referralId);

            List<ConsumerRecord<String, String>> breaches = topic.await(
                    r -> caseId.equals(r.key())
                            && "org.xianjie.referral.deadline-breached.v1".equals(TopicReader.header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(60));
            assertThat(breaches)
                    .as(
                            "breach events; all events of the case: %s",
                            topic.drain(r -> caseId.equals(r.key()), Duration.ofMillis(1)).stream()
                                    .map(r -> TopicReader.header(r, "ce_type") + " " + r.value())
                                    .toList())
                    .hasSize(1);
            assertThat(breaches.get(0).value()).contains(referralId);
            // The head's late approval closes the limit; its event is the witness that every breach either
            // replica wrote before it has arrived (one partition per case), and none can follow it.
            Api.as(Services.REFERRAL, "TJ-AMR", "head")
                    .body("{}")
                    .post("/api/v1/referrals/" + referralId + "/steps/APPROVE")
                    .then()
                    .statusCode(200);
            assertThat(topic.await(
                            r -> caseId.equals(r.key())
                                    && "org.xianjie.referral.approve.v1".equals(TopicReader.header(r, "ce_type")),
                            1,
                            Duration.ofSeconds(60)))
                    .hasSize(1);
            List<ConsumerRecord<String, String>> all = topic.await(r -> caseId.equals(r.key()), 1, Duration.ZERO);
            assertThat(all)
                    .filteredOn(
                            r -> "org.xianjie.referral.deadline-breached.v1".equals(TopicReader.header(r, "ce_type")))
                    .hasSize(1);
            assertThat(replica.isAlive()).isTrue();
        }
    }

    private static void moveApprovalDeadlineIntoThePast(RunningSuite suite, String referralId) throws Exception {
        Postgres pg = TestInfra.get().postgres();
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(Services.REFERRAL), pg.user(), pg.password());
                PreparedStatement update = c.prepareStatement("""
                     update deadline set due_at = now() - interval '1 minute',
                         reminder_at = now() - interval '2 minutes', counted_from = now() - interval '3 days'
                     where referral_id = ? and closed_at is null""")) {
            update.setObject(1, UUID.fromString(referralId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
