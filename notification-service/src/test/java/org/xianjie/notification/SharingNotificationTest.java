package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xianjie.notification.Fixtures.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

/** Clues and bulletins from the referral topic to the right inboxes, and to no one else's. */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class SharingNotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    static String token(String agency) {
        return TestInfra.get().token(agency);
    }

    /** The agency's notifications about the shared item, scanning its whole inbox. */
    static List<Map<String, Object>> inboxFor(String agency, UUID itemId) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token(agency)).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                Object detail = item.get("detail");
                if (detail instanceof Map<?, ?> d && itemId.toString().equals(d.get("itemId"))) {
                    found.add(item);
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return found;
    }

    static List<Map<String, Object>> awaitInbox(String agency, UUID itemId, int count) {
        return await(() -> inboxFor(agency, itemId), list -> list.size() >= count, WAIT);
    }

    private static void publish(UUID itemId, String type, String data) {
        Fixtures.publish(
                Topics.REFERRAL_EVENTS,
                itemId.toString(),
                Fixtures.REFERRAL_SOURCE,
                UUID.randomUUID().toString(),
                type,
                data);
    }

    private static String clue(UUID id, String act, String actor) {
        return """
                {"itemId": "%s", "kind": "CLUE", "act": "%s", "title": "出口假冒运动鞋线索", "region": "120000",
                 "sender": "TJ-CUSTOMS", "addressees": ["QD-PSB"], "actor": "%s", "state": "SENT",
                 "deadline": {"code": "CLUE_REPLY", "description": "线索答复 clue reply", "responsibleAgency": "QD-PSB",
                              "dueAt": "2026-03-09T15:59:59.999999Z", "overdue": false},
                 "occurredAt": "2026-03-02T01:00:00Z", "someFieldFromTheFuture": 1}""".formatted(id, act, actor);
    }

    @Test
    void aClueReachesOnlyItsReceiverAndItsAcceptanceOnlyTheSender() {
        UUID id = UUID.randomUUID();
        publish(id, SharingEventTypes.CLUE_SENT, clue(id, "CREATED", "TJ-CUSTOMS"));
        publish(id, SharingEventTypes.CLUE_ACCEPTED, clue(id, "ACCEPT", "QD-PSB"));

        Map<String, Object> received = awaitInbox("QD-PSB", id, 1).get(0);
        assertThat(received.get("urgency")).isEqualTo("ACTION");
        assertThat(received.get("eventType")).isEqualTo(SharingEventTypes.CLUE_SENT);
        assertThat(((Map<?, ?>) received.get("title")).get("zh")).isEqualTo("收到线索通报，请按期答复：出口假冒运动鞋线索");
        assertThat(((Map<?, ?>) received.get("title")).get("en")).isEqualTo("Clue received, reply due: 出口假冒运动鞋线索");
        assertThat(((Map<?, ?>) received.get("detail")).get("kind")).isEqualTo("CLUE");

        // The acceptance reaching the sender is the witness that both events (one key, one partition) were routed.
        Map<String, Object> accepted = awaitInbox("TJ-CUSTOMS", id, 1).get(0);
        assertThat(accepted.get("eventType")).isEqualTo(SharingEventTypes.CLUE_ACCEPTED);
        assertThat(accepted.get("urgency")).isEqualTo("INFO");
        assertThat(inboxFor("TJ-CUSTOMS", id)).hasSize(1);
        assertThat(inboxFor("QD-PSB", id)).hasSize(1);
        for (String outsider : List.of("QD-PROC", "TJ-PSB", "HD-PSB")) {
            assertThat(inboxFor(outsider, id)).as(outsider).isEmpty();
        }
    }

    @Test
    void aBulletinReachesEveryAddresseeAndItsReadReceiptTheSender() {
        UUID id = UUID.randomUUID();
        String addressees = "[\"BH-CULTURE\", \"BH-PROC\", \"BH-PSB\", \"TJ-PROC\", \"TJ-PSB\"]";
        String issued = """
                {"itemId": "%s", "kind": "BULLETIN", "act": "CREATED", "title": "滨海新区特大假冒注册商标案",
                 "sender": "BH-AMR", "addressees": %s, "actor": "BH-AMR", "state": "ISSUED"}""".formatted(id, addressees);
        publish(id, SharingEventTypes.BULLETIN_ISSUED, issued);
        publish(id, SharingEventTypes.BULLETIN_READ, issued.replace("\"actor\": \"BH-AMR\"", "\"actor\": \"TJ-PSB\""));

        Map<String, Object> read = awaitInbox("BH-AMR", id, 1).get(0);
        assertThat(read.get("eventType")).isEqualTo(SharingEventTypes.BULLETIN_READ);
        assertThat(((Map<?, ?>) read.get("title")).get("zh")).isEqualTo("通报已阅：滨海新区特大假冒注册商标案");
        for (String addressee : List.of("BH-CULTURE", "BH-PROC", "BH-PSB", "TJ-PROC", "TJ-PSB")) {
            List<Map<String, Object>> inbox = inboxFor(addressee, id);
            assertThat(inbox).as(addressee).hasSize(1);
            assertThat(inbox.get(0).get("eventType")).isEqualTo(SharingEventTypes.BULLETIN_ISSUED);
            assertThat(inbox.get(0).get("urgency")).isEqualTo("ACTION");
        }
        for (String outsider : List.of("HP-PSB", "TJ-AMR", "QD-PSB")) {
            assertThat(inboxFor(outsider, id)).as(outsider).isEmpty();
        }
    }
}
