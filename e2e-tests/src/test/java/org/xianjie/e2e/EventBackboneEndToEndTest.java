package org.xianjie.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.KafkaBroker;
import org.xianjie.localinfra.Services;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;

/**
 * The event backbone across real services: a change committed by one service reaches another over
 * the real broker, once, also when the record is delivered twice and when the broker was down
 * between the commit and the publication.
 */
class EventBackboneEndToEndTest {

    @Test
    void everyServiceIsReadyWithItsDatabaseAndKafka() {
        for (Services service : Services.all()) {
            given().baseUri(RunningSuite.get().url(service))
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(
                            "checks.name",
                            hasItems(
                                    "Reactive PostgreSQL connections health check",
                                    "SmallRye Reactive Messaging - readiness check"));
        }
    }

    @Test
    void penaltyAboveThresholdRaisesExactlyOneLeadEvenWhenTheEventIsDeliveredTwice() throws Exception {
        String caseId = Api.openTrademarkCase(Api.caseNumber());
        Api.decidePenalty(caseId);
        Api.await("a lead for case " + caseId + " at TJ-PROC", Duration.ofSeconds(20), () -> leadsFor(caseId) == 1);

        // Deliver the penalty event a second time, exactly as it was, then wait until referral-service
        // has consumed past the copy.
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            ConsumerRecord<String, String> penalty = topic.await(
                            r -> caseId.equals(r.key())
                                    && "org.xianjie.case.penalty-decided.v1".equals(TopicReader.header(r, "ce_type")),
                            1,
                            Duration.ofSeconds(20))
                    .get(0);
            RecordMetadata copy = redeliver(penalty);
            Api.await(
                    "referral-service to consume the redelivered record",
                    Duration.ofSeconds(20),
                    () -> committedOffset("referral-service", copy) > copy.offset());
        }
        assertThat(leadsFor(caseId)).isEqualTo(1);
    }

    @Test
    void eventCommittedWhileTheBrokerIsDownArrivesAfterItReturns() {
        KafkaBroker broker = TestInfra.get().kafka();
        assumeThat(broker).as("the embedded broker can be restarted").isNotNull();
        RunningSuite.get();
        String caseId;
        broker.stop();
        try {
            caseId = Api.openTrademarkCase(Api.caseNumber());
            Api.decidePenalty(caseId);
        } finally {
            broker.start();
        }
        Api.await(
                "the lead raised from events committed while the broker was down",
                Duration.ofSeconds(60),
                () -> leadsFor(caseId) == 1);
    }

    @Test
    void referralSentInReferralServiceMakesThePoliceAReaderOfTheCaseInCaseService() {
        String number = Api.caseNumber();
        String caseId = Api.openTrademarkCase(number);
        Api.as(Services.CASE, "TJ-PSB").get("/api/v1/cases/" + caseId).then().statusCode(404);

        Api.referAndSend(caseId, number);

        Api.await(
                "TJ-PSB to read the referred case",
                Duration.ofSeconds(20),
                () -> Api.as(Services.CASE, "TJ-PSB")
                                .get("/api/v1/cases/" + caseId)
                                .statusCode()
                        == 200);
        Api.as(Services.CASE, "TJ-PSB").get("/api/v1/cases/" + caseId).then().body("state", equalTo("REFERRED"));
        Api.as(Services.CASE, "HP-PSB").get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    private static int leadsFor(String caseId) {
        Response response = Api.as(Services.REFERRAL, "TJ-PROC").get("/api/v1/leads");
        if (response.statusCode() != 200) {
            return -1;
        }
        boolean page = !response.body().asString().trim().startsWith("[");
        List<String> cases = response.jsonPath().getList(page ? "items.caseId" : "caseId");
        return (int) cases.stream().filter(caseId::equals).count();
    }

    private static RecordMetadata redeliver(ConsumerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            return producer.send(new ProducerRecord<>(
                            record.topic(), record.partition(), record.key(), record.value(), record.headers()))
                    .get(20, TimeUnit.SECONDS);
        }
    }

    private static long committedOffset(String group, RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS)
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            return -1;
        }
    }
}
