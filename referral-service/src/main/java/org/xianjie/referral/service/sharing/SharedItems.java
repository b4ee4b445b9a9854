package org.xianjie.referral.service.sharing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.xianjie.events.EventSources;
import org.xianjie.events.SharingSnapshot;
import org.xianjie.events.Topics;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.outbox.Outbox;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.platform.time.ActTimePolicy;
import org.xianjie.referral.domain.sharing.AddresseeState;
import org.xianjie.referral.domain.sharing.SharingAccess;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.domain.time.Deadline;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.persistence.sharing.AddresseeRecord;
import org.xianjie.referral.persistence.sharing.AddresseeRepository;
import org.xianjie.referral.persistence.sharing.EntryRecord;
import org.xianjie.referral.persistence.sharing.EntryRepository;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRecord;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRepository;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRepository;
import org.xianjie.referral.persistence.sharing.TaskRecord;
import org.xianjie.referral.persistence.sharing.TaskRepository;
import org.xianjie.referral.service.ActEntries;
import org.xianjie.referral.service.CalendarService;
import org.xianjie.referral.service.ReminderPolicy;

/**
 * The one path by which shared items are created, read and acted on. Each act locks the item's
 * row, checks who may act ({@link SharingAccess}: anyone else gets 404), changes the item, its
 * addressees, tasks and limits, records the act and appends its event through the outbox, all in
 * one transaction. Kind-specific services (bulletins, clues, consultations, meetings) say what an
 * act does; this class does the rest the same way for all.
 */
@ApplicationScoped
public class SharedItems {

    private final SharingItemRepository items;
    private final AddresseeRepository addressees;
    private final EntryRepository entries;
    private final TaskRepository tasks;
    private final SharingDeadlineRepository deadlines;
    private final SharingLimitTable limits;
    private final CalendarService calendar;
    private final ReminderPolicy reminders;
    private final ActEntries acts;
    private final Outbox outbox;
    private final Clock clock;

    public SharedItems(
            SharingItemRepository items,
            AddresseeRepository addressees,
            EntryRepository entries,
            TaskRepository tasks,
            SharingDeadlineRepository deadlines,
            SharingLimitTable limits,
            CalendarService calendar,
            ReminderPolicy reminders,
            ActEntries acts,
            Outbox outbox,
            Clock clock) {
        this.items = items;
        this.addressees = addressees;
        this.entries = entries;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.limits = limits;
        this.calendar = calendar;
        this.reminders = reminders;
        this.acts = acts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** When an act happened and when it is recorded. */
    public record ActTime(Instant occurredAt, Instant recordedAt) {
        public OffsetDateTime occurred() {
            return OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC);
        }

        public OffsetDateTime recorded() {
            return OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC);
        }
    }

    /** An item with everything hanging off it, loaded under its row lock, for one act. */
    public static final class Act {
        public final Caller caller;
        public final SharingItemRecord item;
        public final List<AddresseeRecord> addressees;
        public final List<TaskRecord> tasks;
        public final List<SharingDeadlineRecord> deadlines;
        public final ActTime time;
        private final List<Uni<?>> writes = new ArrayList<>();
        private final List<Announcement> announcements = new ArrayList<>();
        private boolean unchanged;

        Act(
                Caller caller,
                SharingItemRecord item,
                List<AddresseeRecord> addressees,
                List<TaskRecord> tasks,
                List<SharingDeadlineRecord> deadlines,
                ActTime time) {
            this.caller = caller;
            this.item = item;
            this.addressees = addressees;
            this.tasks = tasks;
            this.deadlines = deadlines;
            this.time = time;
        }

        /** The caller's addressee row; the caller must be an addressee (else 404 had already been thrown, so 403 here). */
        public AddresseeRecord own() {
            return addressees.stream()
                    .filter(a -> a.agencyCode.equals(caller.agencyCode()))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.forbidden(
                            "only an addressee of this " + item.kind.name().toLowerCase() + " may do this"));
        }

        public boolean isSender() {
            return SharingAccess.isSender(caller.agencyCode(), item.senderAgency);
        }

        public List<String> addresseeCodes() {
            return addressees.stream().map(a -> a.agencyCode).toList();
        }

        public void announce(Announcement announcement) {
            announcements.add(announcement);
        }

        /** The act repeats one already on record (a second read receipt): nothing is stored or announced. */
        public void unchanged() {
            unchanged = true;
        }

        void write(Uni<?> write) {
            writes.add(write);
        }
    }

    /** An event to append after an act. */
    public record Announcement(
            String type,
            String act,
            String text,
            List<String> newAddressees,
            SharingDeadlineRecord deadline,
            UUID taskId) {
        public static Announcement of(String type, String act, String text) {
            return new Announcement(type, act, text, List.of(), null, null);
        }
    }

    /** A limit to open on an item for one agency, counted from the act. */
    public record LimitToOpen(String code, String responsibleAgency, UUID taskId, LocalDate dueOn) {
        public static LimitToOpen of(String code, String agency) {
            return new LimitToOpen(code, agency, null, null);
        }
    }

    /** The act's time, checked like a referral step's (not in the future, not too far back, not before the previous act). */
    public ActTime actTime(Caller caller, OffsetDateTime stated, Instant previousAct) {
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant occurredAt = ActTimePolicy.occurredAt(stated == null ? null : stated.toInstant(), recordedAt);
        acts.policy()
                .check(occurredAt, recordedAt, previousAct, caller.hasRole(ActTimePolicy.CORRECTOR_ROLE))
                .ifPresent(refusal -> {
                    throw refusal.problem(ActTimePolicy.FIELD);
                });
        return new ActTime(occurredAt, recordedAt);
    }

    /** Stores a new item addressed to {@code to}, opens its limits and announces it. */
    public Uni<SharedItem> create(
            Caller caller,
            SharingItemRecord item,
            List<String> to,
            ActTime time,
            String eventType,
            List<LimitToOpen> limitsToOpen) {
        item.id = UUID.randomUUID();
        item.senderAgency = caller.agencyCode();
        item.senderUser = caller.user();
        item.occurredAt = time.occurred();
        item.recordedAt = time.recorded();
        return Panache.withTransaction(() -> items.persist(item).chain(() -> {
                    List<AddresseeRecord> rows = to.stream()
                            .distinct()
                            .map(code -> addressee(item.id, code, null, time))
                            .toList();
                    Act act = new Act(caller, item, new ArrayList<>(rows), new ArrayList<>(), new ArrayList<>(), time);
                    limitsToOpen.forEach(l -> open(act, l));
                    act.announce(Announcement.of(eventType, "CREATED", null));
                    return addressees.persist(rows).chain(() -> finish(act, "CREATED", null));
                }))
                .chain(() -> find(caller, item.id, item.kind));
    }

    /**
     * Takes one act on an item the caller may read: {@code step} changes the loaded rows (and says
     * what to announce); this method locks, checks access, stores the act and the events.
     */
    public Uni<SharedItem> act(
            Caller caller,
            UUID id,
            SharingKind kind,
            OffsetDateTime stated,
            String actName,
            String text,
            Function<Act, Uni<Void>> step) {
        actTime(caller, stated, null); // refuse a bad time before reading anything
        return Panache.withTransaction(() -> items.lock(id)
                        .chain(item -> addressees.forItem(id).chain(to -> {
                            if (item == null
                                    || item.kind != kind
                                    || !SharingAccess.mayRead(caller.agencyCode(), item.senderAgency, codes(to))) {
                                throw ProblemException.notFound(
                                        kind.name().toLowerCase().replace('_', ' '), id);
                            }
                            return entries.forItem(id).chain(done -> {
                                Instant previous = done.stream()
                                        .map(e -> e.occurredAt.toInstant())
                                        .max(Comparator.naturalOrder())
                                        .orElse(item.occurredAt.toInstant());
                                ActTime time = actTime(caller, stated, previous);
                                return tasks.forItem(id)
                                        .chain(ts -> deadlines.forItem(id).chain(ds -> {
                                            Act act = new Act(
                                                    caller,
                                                    item,
                                                    new ArrayList<>(to),
                                                    new ArrayList<>(ts),
                                                    new ArrayList<>(ds),
                                                    time);
                                            return step.apply(act).chain(() -> finish(act, actName, text));
                                        }));
                            });
                        })))
                .chain(() -> find(caller, id, kind));
    }

    public Uni<SharedItem> find(Caller caller, UUID id, SharingKind kind) {
        return Panache.withSession(() -> items.findById(id)
                .chain(item -> addressees.forItem(id).chain(to -> {
                    if (item == null
                            || item.kind != kind
                            || !SharingAccess.mayRead(caller.agencyCode(), item.senderAgency, codes(to))) {
                        throw ProblemException.notFound(
                                kind.name().toLowerCase().replace('_', ' '), id);
                    }
                    return entries.forItem(id)
                            .chain(es -> tasks.forItem(id)
                                    .chain(ts ->
                                            deadlines.forItem(id).map(ds -> new SharedItem(item, to, es, ts, ds))));
                })));
    }

    public Uni<List<SharingItemRecord>> list(Caller caller, SharingKind kind) {
        return Panache.withSession(() -> items.visibleTo(caller.agencyCode(), kind, 200));
    }

    /** Adds an addressee (a clue forwarded, a task assigned to a non-participant). */
    public AddresseeRecord addAddressee(Act act, String code, String forwardedFrom) {
        AddresseeRecord row = addressee(act.item.id, code, forwardedFrom, act.time);
        act.addressees.add(row);
        act.write(addressees.persist(row));
        return row;
    }

    public TaskRecord addTask(Act act, String assignee, String description, LocalDate dueOn) {
        TaskRecord task = new TaskRecord();
        task.id = UUID.randomUUID();
        task.itemId = act.item.id;
        task.assignee = assignee;
        task.description = description;
        task.dueOn = dueOn;
        task.state = TaskRecord.OPEN;
        act.tasks.add(task);
        act.write(tasks.persist(task));
        return task;
    }

    /** Opens a limit for an agency, counted from the act ({@code dueOn}: the end of that local day instead). */
    public SharingDeadlineRecord open(Act act, LimitToOpen spec) {
        Instant from = act.time.occurredAt();
        Deadline due = spec.dueOn() != null
                ? new Deadline(
                        spec.dueOn()
                                .plusDays(1)
                                .atStartOfDay(DeadlineClock.CHINA)
                                .toInstant()
                                .minusNanos(1_000),
                        List.of())
                : calendar.clock().dueFor(from, limits.get(spec.code()));
        SharingDeadlineRecord d = new SharingDeadlineRecord();
        d.itemId = act.item.id;
        d.code = spec.code();
        d.responsibleAgency = spec.responsibleAgency();
        d.taskId = spec.taskId();
        d.countedFrom = act.time.occurred();
        d.openedAt = act.time.recorded();
        d.dueAt = OffsetDateTime.ofInstant(due.dueAt(), ZoneOffset.UTC);
        Instant reminder = reminders.reminderAt(spec.code(), from, due.dueAt());
        d.reminderAt = OffsetDateTime.ofInstant(reminder.isAfter(due.dueAt()) ? due.dueAt() : reminder, ZoneOffset.UTC);
        d.warnings = due.hasWarnings() ? String.join("\n", due.warnings()) : null;
        act.deadlines.add(d);
        act.write(deadlines.persist(d));
        return d;
    }

    /** Closes the open limits of {@code agency} with {@code code} (and task, if given): the reply was given. */
    public void close(Act act, String code, String agency, UUID taskId) {
        for (SharingDeadlineRecord d : act.deadlines) {
            if (d.isOpen()
                    && d.code.equals(code)
                    && d.responsibleAgency.equals(agency)
                    && Objects.equals(d.taskId, taskId)) {
                d.closedAt = act.time.occurred();
                d.closedBy = act.caller.agencyCode();
            }
        }
    }

    public static void requireOpen(AddresseeRecord own, String what) {
        if (own.state.replied()) {
            throw ProblemException.stateConflict(
                    what + ": already replied (" + own.state + ")", own.state.name(), List.of());
        }
    }

    private Uni<Void> finish(Act act, String actName, String text) {
        if (act.unchanged) {
            return Uni.createFrom().voidItem();
        }
        EntryRecord entry = new EntryRecord();
        entry.itemId = act.item.id;
        entry.act = actName;
        entry.actorAgency = act.caller.agencyCode();
        entry.actorUser = act.caller.user();
        entry.text = text;
        entry.occurredAt = act.time.occurred();
        entry.recordedAt = act.time.recorded();
        act.item.version++;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<?> write : act.writes) {
            chain = chain.chain(() -> write).replaceWithVoid();
        }
        chain = chain.chain(() -> entries.persist(entry))
                .chain(() -> items.flush())
                .replaceWithVoid();
        for (Announcement a : act.announcements) {
            chain = chain.chain(() -> append(
                            act.item,
                            codes(act.addressees),
                            a,
                            act.caller.agencyCode(),
                            act.caller.user(),
                            text,
                            act.time))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** Appends the event of an act (or of the deadline worker) to the outbox. */
    public Uni<?> append(
            SharingItemRecord item,
            List<String> to,
            Announcement a,
            String actor,
            String actorUser,
            String text,
            ActTime time) {
        SharingDeadlineRecord d = a.deadline();
        SharingSnapshot.Deadline deadline = d == null
                ? null
                : new SharingSnapshot.Deadline(
                        d.code,
                        SharingLimits.description(d.code),
                        d.responsibleAgency,
                        d.taskId,
                        d.countedFrom,
                        d.dueAt,
                        d.isOpen() && d.dueAt.toInstant().isBefore(time.recordedAt()));
        SharingSnapshot snapshot = new SharingSnapshot(
                item.id,
                item.kind.name(),
                a.act(),
                item.title,
                item.region,
                item.senderAgency,
                to,
                a.newAddressees(),
                actor,
                actorUser,
                item.state,
                a.text() != null ? a.text() : text,
                item.caseId,
                item.caseNumber,
                item.referralId,
                item.linkedCaseId,
                a.taskId(),
                deadline,
                time.occurred(),
                time.recorded());
        String subject = item.kind.name().toLowerCase().replace('_', '-') + "s/" + item.id;
        return outbox.append(
                Topics.REFERRAL_EVENTS,
                item.recordKey(),
                outbox.newEvent(EventSources.REFERRAL_SERVICE, a.type(), subject, snapshot, time.occurred()));
    }

    private static AddresseeRecord addressee(UUID itemId, String code, String forwardedFrom, ActTime time) {
        AddresseeRecord row = new AddresseeRecord();
        row.itemId = itemId;
        row.agencyCode = code;
        row.state = AddresseeState.PENDING;
        row.forwardedFrom = forwardedFrom;
        row.addedAt = time.recorded();
        return row;
    }

    static List<String> codes(List<AddresseeRecord> rows) {
        return rows.stream().map(a -> a.agencyCode).toList();
    }
}
