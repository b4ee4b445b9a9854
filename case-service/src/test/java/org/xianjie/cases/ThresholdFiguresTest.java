package org.xianjie.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.xianjie.cases.CaseApi.as;
import static org.xianjie.cases.CaseApi.post;
import static org.xianjie.localinfra.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.TopicReader;
import org.xianjie.localinfra.XianjieTestResource;

/**
 * Every figure the 2025 threshold rules test (trade-secret loss or gains, service marks, the online
 * figures of art. 217) is accepted on case writes and posted events, validated strictly, stored, and
 * carried by the case events referral-service screens.
 */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class ThresholdFiguresTest {

    private static final String FIGURES = """
            {"illegalGains": 12000.00, "lossOrGains": 350000.00, "serviceMark": true, "onlineWorks": 620,
             "downloads": 15000, "clicks": 2500000000, "registeredMembers": 1200}""";

    @Test
    void figuresOfThe2025RulesAreStoredShownAndPublishedWithThePenaltyDecision() throws Exception {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "facts", "{\"amounts\": " + FIGURES + "}").statusCode(200);
        try (TopicReader topic = new TopicReader(TestInfra.get().kafkaBootstrapServers(), "xianjie.case.events")) {
            post("TJ-AMR", id, "penalty", CaseApi.PENALTY).statusCode(200);
            List<ConsumerRecord<String, String>> decided = topic.await(
                    r -> id.equals(r.key()) && "org.xianjie.case.penalty-decided.v1".equals(header(r, "ce_type")),
                    1,
                    Duration.ofSeconds(30));
            JsonNode amounts =
                    new ObjectMapper().readTree(decided.get(0).value()).get("amounts");
            assertThat(amounts.get("lossOrGains").decimalValue()).isEqualByComparingTo("350000");
            assertThat(amounts.get("serviceMark").booleanValue()).isTrue();
            assertThat(amounts.get("onlineWorks").longValue()).isEqualTo(620);
            assertThat(amounts.get("downloads").longValue()).isEqualTo(15000);
            assertThat(amounts.get("clicks").longValue()).isEqualTo(2_500_000_000L);
            assertThat(amounts.get("registeredMembers").longValue()).isEqualTo(1200);
        }
        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("amounts.lossOrGains", equalTo(350000.00f))
                .body("amounts.serviceMark", equalTo(true))
                .body("amounts.onlineWorks", equalTo(620))
                .body("amounts.downloads", equalTo(15000))
                .body("amounts.clicks", equalTo(2500000000L))
                .body("amounts.registeredMembers", equalTo(1200));
    }

    @Test
    void postedEventCarriesTheOnlineFiguresIntoTheCase() {
        String number = CaseApi.number("津文执");
        String opened = CaseEventIngestionTest.event(
                "o-" + UUID.randomUUID(), "TJ-CULTURE", "opened", number, CaseEventIngestionTest.openData(number));
        String facts = CaseEventIngestionTest.event(
                "f-" + UUID.randomUUID(),
                "TJ-CULTURE",
                "facts-recorded",
                number,
                "{\"amounts\": {\"onlineWorks\": 510, \"downloads\": 12000}}");
        given().auth()
                .oauth2(TestInfra.get().token("TJ-CULTURE"))
                .contentType("application/cloudevents-batch+json; charset=UTF-8")
                .body("[" + opened + "," + facts + "]")
                .post("/api/v1/events")
                .then()
                .statusCode(200);
        as("TJ-CULTURE")
                .queryParam("q", number)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items[0].amounts.onlineWorks", equalTo(510))
                .body("items[0].amounts.downloads", equalTo(12000));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"lossOrGains\": -1}                  | amounts.lossOrGains",
                "{\"lossOrGains\": 1.001}               | amounts.lossOrGains",
                "{\"serviceMark\": \"yes\"}             | amounts.serviceMark",
                "{\"serviceMark\": 1}                   | amounts.serviceMark",
                "{\"onlineWorks\": -1}                  | amounts.onlineWorks",
                "{\"downloads\": 1.5}                   | amounts.downloads",
                "{\"clicks\": 1000000000001}            | amounts.clicks",
                "{\"clicks\": 100000000000000000000}    | amounts.clicks",
                "{\"registeredMembers\": \"many\"}      | amounts.registeredMembers",
            })
    void badFigureIsRefusedNamingTheFieldOnRestAndOnEvents(String amounts, String field) {
        String id = CaseApi.open("TJ-AMR", CaseApi.number("津市监处"));
        post("TJ-AMR", id, "facts", "{\"amounts\": " + amounts + "}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        as("TJ-AMR")
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .body("amounts.illegalBusinessVolume", equalTo(86000.00f))
                .body("amounts.lossOrGains", nullValue());
        String number = CaseApi.number("津文执");
        given().auth()
                .oauth2(TestInfra.get().token("TJ-CULTURE"))
                .contentType("application/cloudevents+json; charset=UTF-8")
                .body(CaseEventIngestionTest.event(
                        "x-" + UUID.randomUUID(),
                        "TJ-CULTURE",
                        "opened",
                        number,
                        "{\"caseNumber\": \"" + number + "\", \"category\": \"COPYRIGHT\", \"title\": \"t\","
                                + " \"openedOn\": \"2026-03-09\", \"amounts\": " + amounts + "}"))
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("data." + field));
    }
}
