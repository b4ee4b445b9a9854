package org.xianjie.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.notification.domain.CreditPublicity;
import org.xianjie.notification.domain.WebhookSignature;
import org.xianjie.notification.domain.WebhookUrls;

/**
 * The credit feed's configuration ({@code xianjie.credit-feed.*}). Without a URL the feed is off
 * and nothing is recorded; with one, a signing secret and a party key are required, so a
 * misconfigured feed fails at start rather than pushing unsigned or unhashed data.
 */
@ApplicationScoped
public class CreditFeedSettings {

    private final Optional<String> url;
    private final String secret;
    private final byte[] partyKey;
    private final CreditPublicity publicity;

    public CreditFeedSettings(
            @ConfigProperty(name = "xianjie.credit-feed.url") Optional<String> url,
            @ConfigProperty(name = "xianjie.credit-feed.secret") Optional<String> secret,
            @ConfigProperty(name = "xianjie.credit-feed.party-key") Optional<String> partyKey,
            @ConfigProperty(name = "xianjie.credit-feed.every-decision", defaultValue = "false")
                    boolean everyDecision) {
        this.url = url.filter(u -> !u.isBlank());
        this.publicity = new CreditPublicity(everyDecision);
        if (this.url.isEmpty()) {
            this.secret = null;
            this.partyKey = null;
            return;
        }
        WebhookUrls.problem(this.url.get()).ifPresent(p -> {
            throw new IllegalStateException("xianjie.credit-feed.url " + p);
        });
        this.secret = secret.filter(WebhookSignature::isValidSecret)
                .orElseThrow(() -> new IllegalStateException(
                        "xianjie.credit-feed.secret must be 'whsec_' followed by base64 of at least 24 bytes"));
        this.partyKey = partyKey.filter(k -> k.length() >= 32)
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() ->
                        new IllegalStateException("xianjie.credit-feed.party-key must have at least 32 characters"));
    }

    public boolean enabled() {
        return url.isPresent();
    }

    public String url() {
        return url.orElseThrow();
    }

    public String secret() {
        return secret;
    }

    public byte[] partyKey() {
        return partyKey.clone();
    }

    public CreditPublicity publicity() {
        return publicity;
    }
}
