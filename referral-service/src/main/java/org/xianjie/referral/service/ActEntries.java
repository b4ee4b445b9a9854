package org.xianjie.referral.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.platform.time.ActTimePolicy;
import org.xianjie.referral.domain.time.EntryLateness;
import org.xianjie.referral.persistence.ActEntryRecord;
import org.xianjie.referral.persistence.ActEntryRepository;

/**
 * Records every act's entry delay ({@code recordedAt − occurredAt}) for the data-quality view and
 * as Prometheus figures: {@code xianjie.acts.entry.delay} (seconds, by agency type and act) and
 * {@code xianjie.acts.entered.late} (acts entered later than the working-day threshold).
 */
@ApplicationScoped
public class ActEntries {

    private final ActEntryRepository entries;
    private final CalendarService calendar;
    private final MeterRegistry registry;
    private final EntryLateness lateness;
    private final ActTimePolicy policy;

    public ActEntries(
            ActEntryRepository entries,
            CalendarService calendar,
            MeterRegistry registry,
            EntryLateness lateness,
            @ConfigProperty(name = "xianjie.acts.clock-skew", defaultValue = "PT2M") Duration skew,
            @ConfigProperty(name = "xianjie.acts.backdating-window", defaultValue = "P30D") Duration window) {
        this.entries = entries;
        this.calendar = calendar;
        this.registry = registry;
        this.lateness = lateness;
        this.policy = new ActTimePolicy(skew, window);
    }

    public ActTimePolicy policy() {
        return policy;
    }

    public EntryLateness lateness() {
        return lateness;
    }

    public boolean isLate(Instant occurredAt, Instant recordedAt) {
        return lateness.isLate(occurredAt, recordedAt, calendar.clock());
    }

    /** What is known of an act when it is recorded. */
    public record Act(
            String origin,
            String act,
            String agencyCode,
            String agencyType,
            String region,
            UUID caseId,
            UUID referralId,
            String caseNumber,
            Instant occurredAt,
            Instant recordedAt,
            LocalDate decisionDate,
            String eventId) {}

    /** Stores the act in the caller's transaction. */
    public Uni<ActEntryRecord> record(Act a) {
        ActEntryRecord e = new ActEntryRecord();
        e.origin = a.origin();
        e.act = a.act();
        e.agencyCode = a.agencyCode();
        e.agencyType = a.agencyType();
        e.region = a.region();
        e.caseId = a.caseId();
        e.referralId = a.referralId();
        e.caseNumber = a.caseNumber();
        e.occurredAt = OffsetDateTime.ofInstant(a.occurredAt(), ZoneOffset.UTC);
        e.recordedAt = OffsetDateTime.ofInstant(a.recordedAt(), ZoneOffset.UTC);
        e.delaySeconds = EntryLateness.delay(a.occurredAt(), a.recordedAt()).toSeconds();
        e.enteredLate = isLate(a.occurredAt(), a.recordedAt());
        e.decisionDate = a.decisionDate();
        e.eventId = a.eventId();
        return entries.persist(e);
    }

    /** Counts a recorded act in the metrics; call once its transaction committed. */
    public void count(ActEntryRecord e) {
        DistributionSummary.builder("xianjie.acts.entry.delay")
                .description("Time from an act to its entry in the suite (recordedAt - occurredAt)")
                .baseUnit("seconds")
                .tags("agencyType", e.agencyType, "act", e.act)
                .register(registry)
                .record(e.delaySeconds);
        if (e.enteredLate) {
            Counter.builder("xianjie.acts.entered.late")
                    .description("Acts entered later than the working-day threshold after they happened")
                    .tags("agencyType", e.agencyType, "act", e.act)
                    .register(registry)
                    .increment();
        }
    }
}
