package org.xianjie.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.persistence.ActEntryRecord;
import org.xianjie.referral.persistence.ActEntryRepository;

/**
 * The procuratorate's data-quality view (数据录入及时性): for the acts of its region (and the
 * regions beneath it) that happened in a period, per agency the share entered late, the worst
 * delays, and penalty decisions entered long after their decision date. It lives in
 * referral-service because that is where both kinds of act meet: the referral steps it records
 * itself and the case acts it learns from case-service's events.
 */
@ApplicationScoped
public class DataQualityService {

    static final int WORST = 20;

    private final ActEntryRepository entries;
    private final ActEntries acts;
    private final int penaltyLateDays;

    public DataQualityService(
            ActEntryRepository entries,
            ActEntries acts,
            @ConfigProperty(name = "xianjie.data-quality.penalty-late-days", defaultValue = "7") int penaltyLateDays) {
        this.entries = entries;
        this.acts = acts;
        this.penaltyLateDays = penaltyLateDays;
    }

    public record Report(
            LocalDate from,
            LocalDate to,
            String region,
            String agency,
            String lateThreshold,
            int penaltyLateDays,
            long acts,
            long late,
            double lateShare,
            List<AgencyFigures> agencies,
            List<ActFigure> worst,
            List<ActFigure> latePenaltyDecisions) {}

    /** One agency's figures; {@code lateShare} is late / acts (0 to 1). */
    public record AgencyFigures(
            String agencyCode,
            String agencyType,
            long acts,
            long late,
            double lateShare,
            String maxDelay,
            String meanDelay) {}

    public record ActFigure(
            String origin,
            String act,
            String agencyCode,
            UUID caseId,
            String caseNumber,
            UUID referralId,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt,
            String delay,
            boolean enteredLate,
            LocalDate decisionDate,
            Long daysAfterDecision) {}

    /** {@code from} and {@code to} are local dates (Asia/Shanghai), both inclusive. */
    public Uni<Report> report(Caller caller, LocalDate from, LocalDate to, String agency) {
        if (!caller.is(AgencyType.PROCURATORATE)) {
            throw ProblemException.forbidden("the data-quality view is the procuratorate's (supervision of entry)");
        }
        String prefix = regionPrefix(caller.region());
        OffsetDateTime start =
                from.atStartOfDay(DeadlineClock.CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1)
                .atStartOfDay(DeadlineClock.CHINA)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        return Panache.withSession(() -> entries.inPeriod(prefix, start, end, agency))
                .map(list -> build(caller.region(), from, to, agency, list));
    }

    private Report build(String region, LocalDate from, LocalDate to, String agency, List<ActEntryRecord> list) {
        Map<String, List<ActEntryRecord>> byAgency = new LinkedHashMap<>();
        list.stream()
                .sorted(Comparator.comparing((ActEntryRecord e) -> e.agencyCode))
                .forEach(e -> byAgency.computeIfAbsent(e.agencyCode, k -> new ArrayList<>())
                        .add(e));
        List<AgencyFigures> agencies =
                byAgency.values().stream().map(DataQualityService::figures).toList();
        long late = list.stream().filter(e -> e.enteredLate).count();
        List<ActFigure> worst = list.stream().limit(WORST).map(this::figure).toList(); // sorted by delay, desc
        List<ActFigure> latePenalties = list.stream()
                .filter(e -> e.decisionDate != null && daysAfterDecision(e) > penaltyLateDays)
                .map(this::figure)
                .toList();
        return new Report(
                from,
                to,
                region,
                agency,
                acts.lateness().workingDays() + " working day(s) after the act",
                penaltyLateDays,
                list.size(),
                late,
                share(late, list.size()),
                agencies,
                worst,
                latePenalties);
    }

    private static AgencyFigures figures(List<ActEntryRecord> es) {
        long late = es.stream().filter(e -> e.enteredLate).count();
        long max = es.stream().mapToLong(e -> e.delaySeconds).max().orElse(0);
        long mean =
                Math.round(es.stream().mapToLong(e -> e.delaySeconds).average().orElse(0));
        return new AgencyFigures(
                es.get(0).agencyCode,
                es.get(0).agencyType,
                es.size(),
                late,
                share(late, es.size()),
                Duration.ofSeconds(max).toString(),
                Duration.ofSeconds(mean).toString());
    }

    private ActFigure figure(ActEntryRecord e) {
        return new ActFigure(
                e.origin,
                e.act,
                e.agencyCode,
                e.caseId,
                e.caseNumber,
                e.referralId,
                e.occurredAt,
                e.recordedAt,
                Duration.ofSeconds(e.delaySeconds).toString(),
                e.enteredLate,
                e.decisionDate,
                e.decisionDate == null ? null : daysAfterDecision(e));
    }

    /** Calendar days from the decision date to the day the decision was entered, Beijing time. */
    private static long daysAfterDecision(ActEntryRecord e) {
        LocalDate entered = e.recordedAt.atZoneSameInstant(DeadlineClock.CHINA).toLocalDate();
        return java.time.temporal.ChronoUnit.DAYS.between(e.decisionDate, entered);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /**
     * GB/T 2260 levels: 120000 → "12" (province or municipality), 370200 → "3702" (city),
     * 370211 → "370211" (county or district). A procuratorate supervises its region and those beneath.
     */
    static String regionPrefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        if (region.endsWith("00")) {
            return region.substring(0, 4);
        }
        return region;
    }
}
