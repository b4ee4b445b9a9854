package org.xianjie.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralStep;
import org.xianjie.referral.domain.time.TimeLimit;
import org.xianjie.referral.domain.time.TimeLimitTable;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.ReferralRecord;

/** Builds the event data ({@link ReferralSnapshot}) of step, reminder and breach events. */
@ApplicationScoped
public class Snapshots {

    private final TimeLimitTable limits;

    public Snapshots(TimeLimitTable limits) {
        this.limits = limits;
    }

    /** Reminder and breach events: the act is the limit's end being noticed, now. */
    public ReferralSnapshot of(
            ReferralRecord r,
            List<DeadlineRecord> open,
            ReferralStep step,
            ReferralSnapshot.Actor actor,
            String reason,
            DeadlineRecord deadline,
            Instant now) {
        return of(r, open, step, actor, reason, deadline, now, now);
    }

    /** Step events: {@code occurredAt} is when the act happened, {@code now} when it was recorded. */
    public ReferralSnapshot of(
            ReferralRecord r,
            List<DeadlineRecord> open,
            ReferralStep step,
            ReferralSnapshot.Actor actor,
            String reason,
            DeadlineRecord deadline,
            Instant occurredAt,
            Instant now) {
        return new ReferralSnapshot(
                r.id,
                r.caseId,
                r.caseNumber,
                r.caseTitle,
                r.category,
                r.region,
                r.state.name(),
                step == null ? null : step.name(),
                actor,
                reason,
                parties(r),
                open.stream()
                        .filter(DeadlineRecord::isOpen)
                        .map(d -> deadline(d, now))
                        .toList(),
                deadline == null ? null : deadline(deadline, now),
                OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                r.version);
    }

    /**
     * The parties as consumers must see them: case-service makes them readers of the case and
     * notification-service shows them the timeline, so the police appear only once they are a
     * party (sent, or invited early), by the same rule as referral-service's own reads.
     */
    static ReferralSnapshot.Parties parties(ReferralRecord r) {
        ReferralAccess.Referral facts = r.access();
        return new ReferralSnapshot.Parties(
                ReferralAccess.partyOf(facts, PartyType.ADMINISTRATIVE),
                ReferralAccess.partyOf(facts, PartyType.POLICE),
                ReferralAccess.partyOf(facts, PartyType.PROCURATORATE),
                ReferralAccess.partyOf(facts, PartyType.COURT));
    }

    public ReferralSnapshot.OpenDeadline deadline(DeadlineRecord d, Instant now) {
        return new ReferralSnapshot.OpenDeadline(
                d.code,
                describe(d.code),
                d.responsibleAgency,
                d.dueAt,
                overdue(d, now),
                d.countedFrom,
                d.enteredLate() ? Boolean.TRUE : null);
    }

    /** "FILING_DECISION: 3 CALENDAR_DAYS (国务院令第310号 第8条)". */
    public String describe(String code) {
        return limits.find(code).map(Snapshots::describe).orElse(code);
    }

    private static String describe(TimeLimit limit) {
        return limit.code() + ": " + limit.amount() + " " + limit.unit() + " (" + limit.source() + ")";
    }

    /** A duty still open after its end; a lapsed window is not overdue. */
    public static boolean overdue(DeadlineRecord d, Instant now) {
        return d.isOpen() && d.kind == DeadlineKind.DUTY && now.isAfter(d.dueAt.toInstant());
    }

    public static boolean lapsed(DeadlineRecord d, Instant now) {
        return d.isOpen() && d.kind == DeadlineKind.WINDOW && now.isAfter(d.dueAt.toInstant());
    }
}
