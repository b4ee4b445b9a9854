package org.xianjie.referral.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.referral.domain.process.ReferralStateMachine;
import org.xianjie.referral.domain.threshold.ThresholdEvaluator;
import org.xianjie.referral.domain.threshold.ThresholdRules;
import org.xianjie.referral.domain.time.EntryLateness;
import org.xianjie.referral.domain.time.TimeLimitTable;

/** Makes the pure domain and the rule data available for injection, and the service's clock. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @ApplicationScoped
    ReferralStateMachine stateMachine() {
        return new ReferralStateMachine();
    }

    @Produces
    @ApplicationScoped
    TimeLimitTable timeLimits() {
        return TimeLimitTable.loadDefault();
    }

    @Produces
    @ApplicationScoped
    ThresholdRules thresholdRules() {
        return ThresholdRules.loadDefault();
    }

    @Produces
    @ApplicationScoped
    ThresholdEvaluator thresholds(ThresholdRules rules) {
        return new ThresholdEvaluator(rules);
    }

    /** When an act counts as entered late (数据录入及时性), one rule for recording and re-judging. */
    @Produces
    @jakarta.inject.Singleton
    EntryLateness entryLateness(
            @ConfigProperty(name = "xianjie.data-quality.late-after-working-days", defaultValue = "1")
                    int workingDays) {
        return new EntryLateness(workingDays);
    }

    /**
     * "Now" for every time limit: the system clock shifted by {@code xianjie.clock.offset}, so that
     * drills and tests can run a deadline past its end without waiting days.
     */
    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "xianjie.clock.offset", defaultValue = "PT0S") Duration offset) {
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
