package org.xianjie.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.xianjie.referral.domain.process.CountFrom;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.domain.process.OpenedDeadline;
import org.xianjie.referral.domain.process.Transition;
import org.xianjie.referral.domain.time.Deadline;
import org.xianjie.referral.domain.time.TimeLimit;
import org.xianjie.referral.domain.time.TimeLimitTable;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.ReferralRecord;

/**
 * Applies a {@link Transition} to a referral and its deadlines: closes the codes it settles first,
 * then opens the new ones, each counted by the working calendar from the event its rule names.
 * Storage is the caller's business.
 */
@ApplicationScoped
public class TransitionApplier {

    private final TimeLimitTable limits;
    private final CalendarService calendar;
    private final ReminderPolicy reminders;

    public TransitionApplier(TimeLimitTable limits, CalendarService calendar, ReminderPolicy reminders) {
        this.limits = limits;
        this.calendar = calendar;
        this.reminders = reminders;
    }

    /** What applying a transition did: deadlines to store and what to note in the history. */
    public record Applied(List<DeadlineRecord> opened, List<String> remarks) {}

    /**
     * Moves {@code r} to the transition's state, closes the settled deadlines among {@code current}
     * (noting a window used after it lapsed: flagged, not refused) and returns the new deadlines.
     * Limits are settled and counted by {@code occurredAt}, the time of the act; {@code now} is when
     * it is recorded (a deadline opened after its own end is marked entered late).
     */
    public Applied apply(
            ReferralRecord r, Transition t, List<DeadlineRecord> current, Instant occurredAt, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
        List<String> remarks = new ArrayList<>();
        for (DeadlineRecord d : current) {
            if (d.isOpen() && t.closed().contains(d.code)) {
                d.closedAt = at;
                d.closedBy = t.step().name();
                if (d.kind == DeadlineKind.WINDOW && occurredAt.isAfter(d.dueAt.toInstant())) {
                    remarks.add("late: " + d.code + " window ended at " + d.dueAt
                            + "; the step is recorded, the receiving party decides whether to admit it");
                } else if (d.kind == DeadlineKind.DUTY && occurredAt.isAfter(d.dueAt.toInstant())) {
                    remarks.add("overdue: " + d.code + " was due at " + d.dueAt);
                }
            }
        }
        r.state = t.to();
        r.updatedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<DeadlineRecord> opened = new ArrayList<>();
        for (OpenedDeadline od : t.opened()) {
            opened.add(open(r, od, occurredAt, now));
        }
        return new Applied(opened, remarks);
    }

    private DeadlineRecord open(ReferralRecord r, OpenedDeadline od, Instant occurredAt, Instant now) {
        Instant from = od.countFrom() == CountFrom.RECEIPT && r.lastReceiptAt != null
                ? r.lastReceiptAt.toInstant()
                : occurredAt;
        TimeLimit limit = limits.get(od.limitCode());
        Deadline due = calendar.clock().dueFor(from, limit);
        DeadlineRecord d = new DeadlineRecord();
        d.referralId = r.id;
        d.caseId = r.caseId;
        d.code = od.limitCode();
        d.party = od.party();
        d.responsibleAgency = r.agencyOf(od.party());
        d.kind = od.kind();
        d.openedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        d.countedFrom = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        d.dueAt = OffsetDateTime.ofInstant(due.dueAt(), ZoneOffset.UTC);
        // A deadline already past when entered gets no reminder: the worker breaches it on its next run.
        d.reminderAt = OffsetDateTime.ofInstant(reminders.reminderAt(d.code, from, due.dueAt()), ZoneOffset.UTC);
        d.warnings = due.warnings().isEmpty() ? null : String.join("\n", due.warnings());
        return d;
    }
}
