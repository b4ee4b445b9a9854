package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.xianjie.notification.Fixtures.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.Topics;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.notification.domain.NotificationIds;

@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class InboxTest {

    static String token(String agency, String... roles) {
        return TestInfra.get().token(agency, roles);
    }

    /** The agency's notifications about {@code referralId} (or case), scanning its whole inbox. */
    static List<Map<String, Object>> inboxFor(String token, Object subjectId) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 200);
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
                if (subjectId.toString().equals(item.get("referralId"))
                        || subjectId.toString().equals(item.get("caseId"))) {
                    found.add(item);
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return found;
    }

    static List<Map<String, Object>> awaitInbox(String token, Object subjectId, int count) {
        return await(() -> inboxFor(token, subjectId), list -> list.size() >= count, Duration.ofSeconds(20));
    }

    @Test
    void sentReferralReachesThePoliceToActAndTheProcuratorateAsACopyButNotTheSender() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("SEND", "SENT", "TJ-AMR", 3);

        Map<String, Object> police =
                awaitInbox(token("TJ-PSB"), r.referralId(), 1).get(0);
        assertThat(police.get("urgency")).isEqualTo("ACTION");
        assertThat(police.get("eventType")).isEqualTo("org.xianjie.referral.send.v1");
        assertThat(((Map<?, ?>) police.get("title")).get("zh")).isEqualTo("收到移送案件 " + r.caseNumber());
        Map<String, Object> proc =
                awaitInbox(token("TJ-PROC"), r.referralId(), 1).get(0);
        assertThat(proc.get("urgency")).isEqualTo("INFO");
        assertThat(inboxFor(token("TJ-AMR"), r.referralId())).isEmpty();
        assertThat(inboxFor(token("TJ-COURT"), r.referralId())).isEmpty();
    }

    @Test
    void declineReachesTheAgencyWithItsReconsiderationDeadlineAndTheProcuratorate() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("DECLINE", "DECLINED", "TJ-PSB", 5);

        Map<String, Object> agency =
                awaitInbox(token("TJ-AMR"), r.referralId(), 1).get(0);
        assertThat(agency.get("urgency")).isEqualTo("ACTION");
        assertThat(((Map<?, ?>) agency.get("title")).get("en").toString()).contains("reconsideration within 3 days");
        assertThat((List<?>) ((Map<?, ?>) agency.get("detail")).get("deadlines"))
                .isNotEmpty();
        assertThat(awaitInbox(token("TJ-PROC"), r.referralId(), 1).get(0).get("urgency"))
                .isEqualTo("INFO");
        assertThat(inboxFor(token("TJ-PSB"), r.referralId())).isEmpty();
    }

    @Test
    void breachReachesThePartyThatMissedTheLimitAndTheProcuratorateUrgently() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.breach("FILING_DECISION", "TJ-PSB", 4);

        assertThat(awaitInbox(token("TJ-PSB"), r.referralId(), 1).get(0).get("urgency"))
                .isEqualTo("URGENT");
        assertThat(awaitInbox(token("TJ-PROC"), r.referralId(), 1).get(0).get("urgency"))
                .isEqualTo("URGENT");
        assertThat(inboxFor(token("TJ-AMR"), r.referralId())).isEmpty();
    }

    @Test
    void judgmentReachesEveryPartyButTheCourt() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("RENDER_JUDGMENT", "JUDGED", "TJ-COURT", 20, "TJ-COURT");
        for (String agency : List.of("TJ-AMR", "TJ-PSB", "TJ-PROC")) {
            assertThat(awaitInbox(token(agency), r.referralId(), 1)).hasSize(1);
        }
        assertThat(inboxFor(token("TJ-COURT"), r.referralId())).isEmpty();
    }

    @Test
    void leadReachesTheProcuratorateAndPenaltyDecisionReachesTheRegionsProcuratorate() {
        UUID caseId = UUID.randomUUID();
        Fixtures.publish(
                Topics.REFERRAL_EVENTS,
                caseId.toString(),
                Fixtures.REFERRAL_SOURCE,
                UUID.randomUUID().toString(),
                ReferralEventTypes.LEAD_RAISED,
                """
                        {"leadId": "%s", "caseId": "%s", "caseNumber": "LEAD-1", "region": "120116", "agency": "BH-AMR",
                         "procuratorate": "BH-PROC", "offence": "213", "state": "OPEN"}""".formatted(UUID.randomUUID(), caseId));
        assertThat(awaitInbox(token("BH-PROC"), caseId, 1).get(0).get("urgency"))
                .isEqualTo("ACTION");
        assertThat(inboxFor(token("BH-AMR"), caseId)).isEmpty();

        UUID decided = UUID.randomUUID();
        Fixtures.publish(
                Topics.CASE_EVENTS,
                decided.toString(),
                "/xianjie/case-service",
                UUID.randomUUID().toString(),
                "org.xianjie.case.penalty-decided.v1",
                """
                        {"caseId": "%s", "agencyCode": "HP-AMR", "caseNumber": "和市监罚〔2026〕9号", "category": "TRADEMARK",
                         "region": "120101", "title": "销售侵权商品", "state": "DECIDED", "evidenceCount": 0, "version": 4}""".formatted(decided));
        assertThat(awaitInbox(token("HP-PROC"), decided, 1).get(0).get("caseNumber"))
                .isEqualTo("和市监罚〔2026〕9号");
        assertThat(inboxFor(token("HP-AMR"), decided)).isEmpty();
    }

    @Test
    void unknownStepStillReachesEveryOtherParty() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("BRAND_NEW_STEP", "SENT", "TJ-PSB", 9);
        assertThat(awaitInbox(token("TJ-AMR"), r.referralId(), 1).get(0).get("urgency"))
                .isEqualTo("INFO");
        assertThat(awaitInbox(token("TJ-PROC"), r.referralId(), 1)).hasSize(1);
    }

    @Test
    void redeliveredRecordMakesNoSecondNotificationAndTheIdIsStable() throws Exception {
        Fixtures.Referral r = Fixtures.Referral.create();
        String eventId = UUID.randomUUID().toString();
        String data = r.snapshot("SEND", "SENT", "TJ-AMR", 3, null, null);
        Fixtures.publish(
                Topics.REFERRAL_EVENTS,
                r.caseId().toString(),
                Fixtures.REFERRAL_SOURCE,
                eventId,
                ReferralEventTypes.forStep("SEND"),
                data);
        Fixtures.publish(
                Topics.REFERRAL_EVENTS,
                r.caseId().toString(),
                Fixtures.REFERRAL_SOURCE,
                eventId,
                ReferralEventTypes.forStep("SEND"),
                data);
        // A later event of the same case proves the duplicate was consumed before we count.
        r.step("RECEIVE", "RECEIVED", "TJ-PSB", 4);
        awaitInbox(token("TJ-AMR"), r.referralId(), 1);

        List<Map<String, Object>> police = inboxFor(token("TJ-PSB"), r.referralId());
        assertThat(police).hasSize(1);
        assertThat(police.get(0).get("id"))
                .isEqualTo(NotificationIds.of(Fixtures.REFERRAL_SOURCE, eventId, "TJ-PSB", null)
                        .toString());
    }

    @Test
    void acknowledgementRecordsWhoAndWhenOnceAndLeavesTheUnreadList() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("SEND", "SENT", "TJ-AMR", 3);
        String id =
                (String) awaitInbox(token("TJ-PSB"), r.referralId(), 1).get(0).get("id");

        given().auth()
                .oauth2(token("TJ-PSB"))
                .post("/api/v1/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("read.by", equalTo("officer@TJ-PSB"))
                .body("read.at", notNullValue());
        String firstAt = given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/notifications/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("read.at");
        given().auth()
                .oauth2(token("TJ-PSB", "head"))
                .post("/api/v1/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("read.by", equalTo("officer@TJ-PSB"))
                .body("read.at", equalTo(firstAt));
        List<String> unreadIds = given().auth()
                .oauth2(token("TJ-PSB"))
                .queryParam("unread", true)
                .queryParam("limit", 200)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(unreadIds).doesNotContain(id);
    }

    @Test
    void anotherAgencyNeverSeesOrAcknowledgesANotificationItDoesNotOwn() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("SEND", "SENT", "TJ-AMR", 3);
        String id =
                (String) awaitInbox(token("TJ-PSB"), r.referralId(), 1).get(0).get("id");

        for (String stranger : List.of("BH-PSB", "TJ-COURT", "TJ-AMR")) {
            given().auth()
                    .oauth2(token(stranger))
                    .get("/api/v1/notifications/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token(stranger))
                    .post("/api/v1/notifications/" + id + "/ack")
                    .then()
                    .statusCode(404);
        }
        given().auth()
                .oauth2(token("BH-PSB"))
                .get("/api/v1/referrals/" + r.referralId() + "/timeline")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/notifications/" + id)
                .then()
                .statusCode(200)
                .body("read", equalTo(null));
        given().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void pagesWalkTheInboxNewestFirstWithoutOverlapAndFilterByUrgency() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.breach("FILING_DECISION", "HP-PSB", 1);
        for (int i = 0; i < 4; i++) {
            Fixtures.Referral other = Fixtures.Referral.create();
            other.step("REQUEST_EARLY_INTERVENTION", "REPORTED", "TJ-AMR", 1);
        }
        awaitInbox(token("HP-PSB"), r.referralId(), 1);
        List<Integer> seqs = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token("TJ-PSB")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seqs.addAll(page.getList("items.seq", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seqs).doesNotHaveDuplicates();
        assertThat(seqs).isSortedAccordingTo((a, b) -> b - a);
        assertThat(seqs.size()).isGreaterThanOrEqualTo(4);

        given().auth()
                .oauth2(token("HP-PSB"))
                .queryParam("urgency", "URGENT")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.urgency", hasItem("URGENT"));
        List<String> infos = given().auth()
                .oauth2(token("HP-PSB"))
                .queryParam("urgency", "info")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.urgency");
        assertThat(infos).allMatch("INFO"::equals);
    }

    @Test
    void badQueryParametersGetA400NamingTheField() {
        given().auth()
                .oauth2(token("TJ-PSB"))
                .queryParam("urgency", "LOUD")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("urgency"));
        given().auth()
                .oauth2(token("TJ-PSB"))
                .queryParam("cursor", "abc")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(token("TJ-PSB"))
                .queryParam("limit", 0)
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(token("TJ-PSB"))
                .get("/api/v1/notifications/not-a-uuid")
                .then()
                .statusCode(404);
    }

    @Test
    void urgentItemLeftUnacknowledgedIsEscalatedOnceToTheHeadAndTheProcuratorate() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.breach("FILING_DECISION", "BH-PSB", 2);
        String original =
                (String) awaitInbox(token("BH-PSB"), r.referralId(), 1).get(0).get("id");

        List<Map<String, Object>> head = await(
                () -> inboxFor(token("BH-PSB", "head"), r.referralId()),
                list -> list.size() >= 2,
                Duration.ofSeconds(20));
        Map<String, Object> escalation = head.stream()
                .filter(n -> original.equals(n.get("escalationOf")))
                .findFirst()
                .orElseThrow();
        assertThat(escalation.get("role")).isEqualTo("head");
        assertThat(escalation.get("urgency")).isEqualTo("URGENT");
        assertThat(escalation.get("eventType")).isEqualTo("org.xianjie.notification.escalated.v1");
        // an officer of the agency does not see the head's escalation
        assertThat(inboxFor(token("BH-PSB"), r.referralId())).hasSize(1);
        given().auth()
                .oauth2(token("BH-PSB"))
                .get("/api/v1/notifications/" + escalation.get("id"))
                .then()
                .statusCode(404);
        // the Binhai procuratorate got the breach itself and the escalation
        await(
                () -> inboxFor(token("BH-PROC"), r.referralId()),
                list -> list.stream().anyMatch(n -> original.equals(n.get("escalationOf"))),
                Duration.ofSeconds(10));
        // Witness: a breach stored after that escalation is escalated by a later run of the job, so the job has
        // looked at the original item again by the time it shows up.
        awaitEscalationOfANewBreach("BH-PSB");
        assertThat(inboxFor(token("BH-PSB", "head"), r.referralId()).stream()
                        .filter(n -> original.equals(n.get("escalationOf"))))
                .hasSize(1);
    }

    @Test
    void acknowledgedUrgentItemIsNotEscalated() {
        Fixtures.Referral r = Fixtures.Referral.create();
        String eventId = r.breach("FILING_DECISION", "HP-PSB", 2);
        String id = NotificationIds.of(Fixtures.REFERRAL_SOURCE, eventId, "HP-PSB", null)
                .toString();
        await(
                () -> given().auth()
                        .oauth2(token("HP-PSB"))
                        .get("/api/v1/notifications/" + id)
                        .statusCode(),
                status -> status == 200,
                Duration.ofSeconds(20));
        JsonPath acked = given().auth()
                .oauth2(token("HP-PSB"))
                .post("/api/v1/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The claim holds for an item acknowledged within the escalation window (6 s in tests); on a machine so
        // loaded that the acknowledgement came later, escalating it was right and there is nothing to check.
        Duration untilAcknowledged = Duration.between(
                OffsetDateTime.parse(acked.getString("createdAt")), OffsetDateTime.parse(acked.getString("read.at")));
        assumeTrue(
                untilAcknowledged.compareTo(Duration.ofSeconds(5)) < 0,
                "acknowledged " + untilAcknowledged + " after it was stored, past the escalation window");
        // Witness: a breach that arrives after the acknowledgement and is escalated; by then the acknowledged
        // item, older than it, would have been escalated too.
        awaitEscalationOfANewBreach("HP-PSB");
        assertThat(inboxFor(token("HP-PSB", "head"), r.referralId())).hasSize(1);
    }

    /** Breaches a new referral for {@code police}, leaves it unacknowledged and waits for its escalation. */
    private static void awaitEscalationOfANewBreach(String police) {
        Fixtures.Referral witness = Fixtures.Referral.create();
        witness.breach("FILING_DECISION", police, 2);
        String witnessItem = (String)
                awaitInbox(token(police), witness.referralId(), 1).get(0).get("id");
        await(
                () -> inboxFor(token(police, "head"), witness.referralId()),
                list -> list.stream().anyMatch(n -> witnessItem.equals(n.get("escalationOf"))),
                Duration.ofSeconds(30));
    }

    @Test
    void timelineShowsStepsAndOverdueDeadlinesToPartiesOnly() {
        Fixtures.Referral r = Fixtures.Referral.create();
        r.step("SEND", "SENT", "TJ-AMR", 3);
        r.step("RECEIVE", "RECEIVED", "TJ-PSB", 4);
        r.breach("FILING_DECISION", "TJ-PSB", 5);
        awaitInbox(token("TJ-PROC"), r.referralId(), 2);
        await(
                () -> given().auth()
                        .oauth2(token("TJ-AMR"))
                        .get("/api/v1/referrals/" + r.referralId() + "/timeline")
                        .then()
                        .extract()
                        .jsonPath(),
                p -> p.getList("steps") != null && p.getList("steps").size() == 3,
                Duration.ofSeconds(10));
        given().auth()
                .oauth2(token("TJ-PROC"))
                .get("/api/v1/referrals/" + r.referralId() + "/timeline")
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(r.caseNumber()))
                .body("state", equalTo("RECEIVED"))
                .body("steps.step", org.hamcrest.Matchers.contains("SEND", "RECEIVE", null))
                .body("deadlines[0].overdue", equalTo(true))
                .body("deadlines[0].responsibleAgency", equalTo("TJ-PSB"));
        given().auth()
                .oauth2(token("TJ-COURT"))
                .get("/api/v1/referrals/" + r.referralId() + "/timeline")
                .then()
                .statusCode(404);
    }
}
