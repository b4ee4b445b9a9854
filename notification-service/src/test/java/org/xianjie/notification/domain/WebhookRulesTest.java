package org.xianjie.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    @Test
    void signatureMatchesTheStandardWebhooksReferenceVector() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature =
                WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignature.verify(
                        secret,
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}",
                        "v1,bogus " + signature))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331L, "{\"test\": 2432232314}", signature))
                .isFalse();
    }

    @Test
    void generatedSecretsAreValidAndDistinct() {
        String a = WebhookSignature.newSecret();
        assertThat(WebhookSignature.isValidSecret(a)).isTrue();
        assertThat(a).isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.isValidSecret("whsec_short")).isFalse();
        assertThat(WebhookSignature.isValidSecret("secret")).isFalse();
    }

    @Test
    void backoffDoublesWithJitterUpToTheCapAndGivesUpAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 4);
        assertThat(policy.delayAfter(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, 0.999)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
        assertThat(policy.delayAfter(10, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.exhausted(3)).isFalse();
        assertThat(policy.exhausted(4)).isTrue();
    }

    @Test
    void eventTypeFiltersTakeExactTypesPrefixesAndStar() {
        assertThat(EventTypeFilter.matches(List.of("*"), "org.xianjie.referral.send.v1"))
                .isTrue();
        assertThat(EventTypeFilter.matches(List.of("org.xianjie.referral.*"), "org.xianjie.referral.send.v1"))
                .isTrue();
        assertThat(EventTypeFilter.matches(List.of("org.xianjie.referral.send.v1"), "org.xianjie.referral.decline.v1"))
                .isFalse();
        assertThat(EventTypeFilter.isValidPattern("org.xianjie.referral.*")).isTrue();
        assertThat(EventTypeFilter.isValidPattern("<script>")).isFalse();
    }

    @Test
    void webhookUrlsMustBeAbsoluteHttpWithoutCredentials() {
        assertThat(WebhookUrls.problem("https://agency.example/hook")).isEmpty();
        assertThat(WebhookUrls.problem("http://127.0.0.1:8080/x")).isEmpty();
        assertThat(WebhookUrls.problem("/relative")).isPresent();
        assertThat(WebhookUrls.problem("ftp://agency.example/x")).isPresent();
        assertThat(WebhookUrls.problem("https://user:pw@agency.example/x")).isPresent();
        assertThat(WebhookUrls.problem("not a url")).isPresent();
        assertThat(WebhookUrls.problem(null)).contains("is required");
    }
}
