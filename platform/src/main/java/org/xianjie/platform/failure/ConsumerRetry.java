package org.xianjie.platform.failure;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How every consumer meets a failure: an infrastructure failure is retried with capped exponential
 * backoff for as long as it lasts (the message is not acknowledged meanwhile, so the channel holds
 * the partition's order and nothing is dead-lettered because the database was briefly away); any
 * other failure is returned at once, and the channel's dead-letter strategy parks the record.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final Duration initialDelay;
    private final Duration maxDelay;

    public ConsumerRetry(
            @ConfigProperty(name = "xianjie.consumer.retry.initial-delay", defaultValue = "PT0.2S")
                    Duration initialDelay,
            @ConfigProperty(name = "xianjie.consumer.retry.max-delay", defaultValue = "PT10S") Duration maxDelay) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Runs {@code attempt} (subscribed anew on each try, so each try has a fresh transaction) until
     * it succeeds or fails for a reason other than the infrastructure.
     */
    public <T> Uni<T> untilProcessed(String what, Supplier<Uni<? extends T>> attempt) {
        AtomicLong attempts = new AtomicLong();
        return Uni.createFrom()
                .<T>deferred(attempt)
                .onFailure(FailureClassifier::isInfrastructure)
                .invoke(failure -> {
                    long n = attempts.incrementAndGet();
                    // First failures at WARN, then one line a minute or so at the capped delay.
                    if (n <= 3 || n % 6 == 0) {
                        LOG.warnf(
                                "%s: infrastructure failure (attempt %d), retrying with backoff up to %s: %s",
                                what, n, maxDelay, FailureClassifier.reason(failure));
                    }
                })
                .onFailure(FailureClassifier::isInfrastructure)
                .retry()
                .withBackOff(initialDelay, maxDelay)
                .withJitter(0.2)
                .atMost(Long.MAX_VALUE)
                .onItem()
                .invoke(() -> {
                    if (attempts.get() > 0) {
                        LOG.infof("%s: processed after %d infrastructure failures", what, attempts.get());
                    }
                });
    }
}
