package org.xianjie.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Validation of webhook endpoint URLs: absolute http(s) with a host, no user info, bounded length. */
public final class WebhookUrls {

    private WebhookUrls() {}

    /** The reason {@code url} is not acceptable, or empty if it is. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!uri.isAbsolute()
                || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials; use the signing secret");
        }
        return Optional.empty();
    }
}
