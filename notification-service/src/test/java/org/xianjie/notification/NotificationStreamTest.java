package org.xianjie.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;

@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class NotificationStreamTest {

    @TestHTTPResource("/")
    URI base;

    private static String token(String agency, String... roles) {
        return TestInfra.get().token(agency, roles);
    }

    @Test
    void sentReferralArrivesOnThePoliceStreamWithinASecond() throws Exception {
        try (SseClient police = new SseClient(base, token("HP-PSB"), null)) {
            assertThat(police.status).isEqualTo(200);
            Fixtures.Referral r = Fixtures.Referral.create();
            long sent = System.nanoTime();
            r.stepIn("SEND", "SENT", "HP-AMR", "HP-PSB", "HP-PROC");
            SseClient.Event event = police.take(1, Duration.ofSeconds(10)).get(0);
            long ms = (System.nanoTime() - sent) / 1_000_000;
            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.data()).contains(r.referralId().toString()).contains("\"urgency\":\"ACTION\"");
            assertThat(Long.parseLong(event.id())).isPositive();
            assertThat(ms).as("publish-to-stream latency in ms").isLessThan(1_000);
        }
    }

    @Test
    void resumingWithLastEventIdLosesNothingAndDoublesNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient first = new SseClient(base, token("BH-PSB"), null)) {
            for (int i = 0; i < 2; i++) {
                Fixtures.Referral.create().stepIn("SEND", "SENT", "BH-AMR", "BH-PSB", "BH-PROC");
            }
            List<SseClient.Event> events = first.take(2, Duration.ofSeconds(10));
            events.forEach(e -> seen.add(e.data()));
            lastId = events.get(1).id();
        }
        // while disconnected
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Fixtures.Referral r = Fixtures.Referral.create();
            r.stepIn("SEND", "SENT", "BH-AMR", "BH-PSB", "BH-PROC");
            missed.add(r.referralId().toString());
        }
        for (String referral : missed) {
            InboxTest.awaitInbox(token("BH-PSB"), referral, 1);
        }
        try (SseClient resumed = new SseClient(base, token("BH-PSB"), lastId)) {
            List<SseClient.Event> replay = resumed.take(3, Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                assertThat(replay.get(i).data()).contains(missed.get(i));
                assertThat(Long.parseLong(replay.get(i).id())).isEqualTo(Long.parseLong(lastId) + 1 + i);
            }
            Fixtures.Referral live = Fixtures.Referral.create();
            live.stepIn("SEND", "SENT", "BH-AMR", "BH-PSB", "BH-PROC");
            SseClient.Event next = resumed.take(1, Duration.ofSeconds(10)).get(0);
            assertThat(next.data()).contains(live.referralId().toString());
            // Witness: a later notification on the same case (same partition) comes next, so nothing was doubled.
            Fixtures.Referral witness =
                    new Fixtures.Referral(java.util.UUID.randomUUID(), live.caseId(), live.caseNumber());
            witness.stepIn("SEND", "SENT", "BH-AMR", "BH-PSB", "BH-PROC");
            assertThat(resumed.take(1, Duration.ofSeconds(10)).get(0).data())
                    .contains(witness.referralId().toString());
            replay.forEach(e -> seen.add(e.data()));
            seen.add(next.data());
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void anotherAgencysStreamNeverCarriesTheseNotificationsButKeepsItsHeartbeat() throws Exception {
        try (SseClient court = new SseClient(base, token("HP-COURT"), "0");
                SseClient binhai = new SseClient(base, token("BH-PROC"), null)) {
            Fixtures.Referral r = Fixtures.Referral.create();
            r.stepIn("SEND", "SENT", "HP-AMR", "HP-PSB", "HP-PROC");
            // Witnesses on the same case (same partition, so routed after it): one prosecution before the
            // Heping court and one step of a Binhai referral. Each stream's next event must be its witness.
            Fixtures.Referral toCourt = new Fixtures.Referral(java.util.UUID.randomUUID(), r.caseId(), r.caseNumber());
            toCourt.step("PROSECUTE", "PROSECUTED", "TJ-PROC", 5, "HP-COURT");
            Fixtures.Referral toBinhai = new Fixtures.Referral(java.util.UUID.randomUUID(), r.caseId(), r.caseNumber());
            toBinhai.stepIn("SEND", "SENT", "BH-AMR", "BH-PSB", "BH-PROC");
            List<SseClient.Event> courtEvents =
                    court.takeUntil(e -> e.data().contains(toCourt.referralId().toString()), Duration.ofSeconds(10));
            assertThat(courtEvents)
                    .noneMatch(e -> e.data().contains(r.referralId().toString()));
            assertThat(binhai.take(1, Duration.ofSeconds(10)).get(0).data())
                    .contains(toBinhai.referralId().toString());
            Fixtures.await(binhai::comments, comments -> comments.contains(":heartbeat"), Duration.ofSeconds(5));
        }
    }

    @Test
    void manySubscribersGetEverythingWhileOneStalledSubscriberIsDroppedInsteadOfWaitedFor() throws Exception {
        List<SseClient> clients = new ArrayList<>();
        try (Socket stalled = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/notifications/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                            + "Authorization: Bearer " + token("TJ-CUSTOMS") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.setReceiveBufferSize(1024);
            stalled.setSoTimeout(30_000);
            // Each subscriber's response head is the witness that it is subscribed (the stream sends it
            // once subscribed): SseClient waits for it; the stalled one reads its status line and no more.
            assertThat(new java.io.BufferedReader(
                                    new java.io.InputStreamReader(stalled.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine())
                    .startsWith("HTTP/1.1 200");
            for (int i = 0; i < 12; i++) {
                clients.add(new SseClient(base, token("TJ-CUSTOMS"), null));
            }
            int count = 120;
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Fixtures.Referral r = Fixtures.Referral.create();
                r.stepIn("HAND_OVER_SEIZED_ITEMS", "FILED", "TJ-AMR", "TJ-CUSTOMS", "TJ-PROC");
            }
            for (SseClient client : clients) {
                List<SseClient.Event> events = client.take(count, Duration.ofSeconds(30));
                assertThat(events).extracting(SseClient.Event::id).doesNotHaveDuplicates();
            }
            System.out.printf(
                    "[measure] %d notifications reached %d subscribers (one stalled) in %d ms%n",
                    count, clients.size(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            for (SseClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void malformedLastEventIdGetsA400NamingIt() {
        given().auth()
                .oauth2(token("TJ-PSB"))
                .header("Last-Event-ID", "yesterday")
                .get("/api/v1/notifications/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Last-Event-ID"));
        given().get("/api/v1/notifications/stream").then().statusCode(401);
    }
}
