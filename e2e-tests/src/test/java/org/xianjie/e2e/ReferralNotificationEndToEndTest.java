package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.Services;

/**
 * A case posted to case-service, referred and sent in referral-service, and the police and the
 * procuratorate learning of it on their live streams from notification-service. Measures the
 * latency from the SEND call to the stream over 200 referrals and prints it.
 */
class ReferralNotificationEndToEndTest {

    private static final int REFERRALS = 200;

    @Test
    void sentReferralReachesThePoliceAndTheProcuratorateStreams() throws Exception {
        RunningSuite suite = RunningSuite.get();
        String streams = suite.url(Services.NOTIFICATION);
        try (NotificationStream police = new NotificationStream(streams, RunningSuite.token("TJ-PSB"));
                NotificationStream procuratorate = new NotificationStream(streams, RunningSuite.token("TJ-PROC"));
                NotificationStream otherRegion = new NotificationStream(streams, RunningSuite.token("HP-PSB"))) {
            String number = Api.caseNumber();
            String caseId = Api.openTrademarkCase(number);
            String referralId = Api.referAndSend(caseId, number);

            Predicate<JsonNode> sentNotice = sent(referralId);
            JsonNode toPolice = police.await(sentNotice, Duration.ofSeconds(10)).notification();
            JsonNode copy =
                    procuratorate.await(sentNotice, Duration.ofSeconds(10)).notification();
            assertThat(toPolice.path("caseId").asText()).isEqualTo(caseId);
            assertThat(toPolice.path("agency").asText()).isEqualTo("TJ-PSB");
            assertThat(copy.path("agency").asText()).isEqualTo("TJ-PROC");
            assertThat(toPolice.path("title").path("zh").asText()).isNotBlank();
            // All recipients of an event are stored in one transaction: once the police have theirs, the Heping
            // police's inbox is final for this event. Its newest page must not name the referral.
            List<String> foreignInbox = Api.as(Services.NOTIFICATION, "HP-PSB")
                    .queryParam("limit", 200)
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.referralId");
            assertThat(foreignInbox).doesNotContain(referralId);
            assertThat(otherRegion.count(
                            n -> referralId.equals(n.path("referralId").asText())))
                    .isZero();
            assertThat(police.count(sentNotice)).isEqualTo(1);
        }
    }

    @Test
    void sendToStreamLatencyOverTwoHundredReferrals() throws Exception {
        RunningSuite suite = RunningSuite.get();
        String streams = suite.url(Services.NOTIFICATION);
        List<Double> toPolice = new ArrayList<>();
        List<Double> toProcuratorate = new ArrayList<>();
        try (NotificationStream police = new NotificationStream(streams, RunningSuite.token("TJ-PSB"));
                NotificationStream procuratorate = new NotificationStream(streams, RunningSuite.token("TJ-PROC"))) {
            for (int i = 0; i < REFERRALS; i++) {
                String caseId = UUID.randomUUID().toString();
                String referralId = approvedReferral(caseId);
                long before = System.nanoTime();
                Api.send(referralId);
                Predicate<JsonNode> sentNotice = sent(referralId);
                toPolice.add(millisSince(before, police.await(sentNotice, Duration.ofSeconds(10))));
                toProcuratorate.add(millisSince(before, procuratorate.await(sentNotice, Duration.ofSeconds(10))));
            }
        }
        Percentiles police = new Percentiles(toPolice);
        System.out.println("[benchmark] " + police.summary("SEND call to police stream (TJ-PSB)"));
        System.out.println("[benchmark] "
                + new Percentiles(toProcuratorate).summary("SEND call to procuratorate stream (TJ-PROC)"));
        assertThat(toPolice).hasSize(REFERRALS);
    }

    private static String approvedReferral(String caseId) {
        String id = Api.as(Services.REFERRAL, "TJ-AMR")
                .body("""
                        {"caseId": "%s", "caseNumber": "津市监处〔2026〕%s号", "caseTitle": "销售假冒注册商标的商品案",
                         "category": "TRADEMARK", "reason": "非法经营数额8.6万元", "caseTeam": ["张伟", "李娜"]}""".formatted(caseId, caseId.substring(0, 8)))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(Services.REFERRAL, "TJ-AMR", "head")
                .body("{}")
                .post("/api/v1/referrals/" + id + "/steps/APPROVE")
                .then()
                .statusCode(200);
        return id;
    }

    private static Predicate<JsonNode> sent(String referralId) {
        return n -> referralId.equals(n.path("referralId").asText())
                && "SEND".equals(n.path("step").asText());
    }

    private static double millisSince(long startNanos, NotificationStream.Received received) {
        return (received.arrivedNanos() - startNanos) / 1_000_000.0;
    }
}
