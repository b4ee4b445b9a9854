package org.xianjie.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Webhook counters operators alert on, counted once the attempt is recorded:
 * {@code xianjie.webhook.deliveries{outcome=delivered|failed}} per attempt ({@code failed} tagged
 * with {@code reason} {@code http}, {@code unreachable} or {@code refused}), and
 * {@code xianjie.webhook.deliveries.dead} when the retry policy gives up and parks a delivery as
 * DEAD (死信).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt: {@code failureReason} null when delivered; {@code dead} when it was the last one. */
    void attempted(String failureReason, boolean dead) {
        Counter.builder("xianjie.webhook.deliveries")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", failureReason == null ? "delivered" : "failed")
                .tag("reason", failureReason == null ? "none" : failureReason)
                .register(registry)
                .increment();
        if (dead) {
            Counter.builder("xianjie.webhook.deliveries.dead")
                    .description("Webhook deliveries the retry policy gave up on (status DEAD)")
                    .register(registry)
                    .increment();
        }
    }
}
