package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.domain.time.EntryLateness;
import org.xianjie.referral.domain.time.WorkingCalendar;
import org.xianjie.referral.domain.time.YearCalendar;

/**
 * The working calendar as data operators extend without a release: the {@code calendar_year}
 * table, seeded at startup with the shipped years it lacks and refreshed every minute so that every
 * replica picks up a year another one stored. The shipped file is the fallback for anything the
 * table cannot give.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() {};

    private final Pool pool;
    private final ObjectMapper mapper;
    private final EntryLateness lateness;
    private final WorkingCalendar shipped = WorkingCalendar.loadDefault();
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>(shipped);

    public CalendarService(Pool pool, ObjectMapper mapper, EntryLateness lateness) {
        this.pool = pool;
        this.mapper = mapper;
        this.lateness = lateness;
    }

    void seed(@Observes StartupEvent event) {
        Uni<Void> inserts = Uni.createFrom().voidItem();
        for (int year : shipped.coveredYears()) {
            YearCalendar y = shipped.year(year).orElseThrow();
            inserts = inserts.chain(() -> pool.preparedQuery("""
                            insert into calendar_year (year, rest_days, make_up_days, updated_by, updated_at)
                            values ($1, $2, $3, 'rules/working-calendar.json', now()) on conflict (year) do nothing""")
                    .execute(Tuple.of(year, json(y.restDays()), json(y.makeUpWorkingDays())))
                    .replaceWithVoid());
        }
        inserts.chain(this::reload).await().indefinitely();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure()
                .invoke(e -> LOG.warnf("working calendar not refreshed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** The deadline clock over the calendar as it stands now. */
    public DeadlineClock clock() {
        return new DeadlineClock(current.get(), DeadlineClock.CHINA);
    }

    public WorkingCalendar calendar() {
        return current.get();
    }

    /** A year stored, and how many recorded acts were judged again with it. */
    public record Published(YearCalendar year, int actsRejudged) {}

    /**
     * Adds or replaces one year (an operator publishing the State Council's schedule) and, in the
     * same transaction, judges again whether each act whose entry window touches that year was
     * entered late: lateness is judged with the calendar in force for the days it counts, so an act
     * judged by the Monday-to-Friday fallback before its year was published is judged anew.
     */
    public Uni<Published> putYear(YearCalendar year, String by) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                                insert into calendar_year (year, rest_days, make_up_days, updated_by, updated_at)
                                values ($1, $2, $3, $4, $5)
                                on conflict (year) do update set rest_days = excluded.rest_days,
                                    make_up_days = excluded.make_up_days, updated_by = excluded.updated_by,
                                    updated_at = excluded.updated_at""")
                        .execute(Tuple.of(
                                year.year(),
                                json(year.restDays()),
                                json(year.makeUpWorkingDays()),
                                by,
                                OffsetDateTime.now(ZoneOffset.UTC)))
                        .chain(() -> load(conn))
                        .chain(calendar -> rejudge(conn, year.year(), calendar).map(n -> Map.entry(calendar, n))))
                .invoke(done -> current.set(done.getKey()))
                .map(done -> new Published(year, done.getValue()));
    }

    /**
     * Acts that happened before the year ended and were recorded after it began: only for those can
     * a day of the year lie between the act and its entry or its entry limit.
     */
    private Uni<Integer> rejudge(SqlClient conn, int year, WorkingCalendar calendar) {
        DeadlineClock clock = new DeadlineClock(calendar, DeadlineClock.CHINA);
        OffsetDateTime start =
                LocalDate.of(year, 1, 1).atStartOfDay(DeadlineClock.CHINA).toOffsetDateTime();
        OffsetDateTime end =
                LocalDate.of(year + 1, 1, 1).atStartOfDay(DeadlineClock.CHINA).toOffsetDateTime();
        return conn.preparedQuery("""
                        select id, occurred_at, recorded_at, entered_late from act_entry
                        where occurred_at < $2 and recorded_at >= $1""").execute(Tuple.of(start, end)).chain(rows -> {
            List<Tuple> changed = new ArrayList<>();
            for (Row row : rows) {
                boolean late = lateness.isLate(
                        row.getOffsetDateTime("occurred_at").toInstant(),
                        row.getOffsetDateTime("recorded_at").toInstant(),
                        clock);
                if (late != row.getBoolean("entered_late")) {
                    changed.add(Tuple.of(row.getLong("id"), late));
                }
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            LOG.infof("working calendar %d: %d recorded act(s) judged again for lateness", year, changed.size());
            return conn.preparedQuery("update act_entry set entered_late = $2 where id = $1")
                    .executeBatch(changed)
                    .replaceWith(changed.size());
        });
    }

    private Uni<Void> reload() {
        return load(pool).invoke(current::set).replaceWithVoid();
    }

    private Uni<WorkingCalendar> load(SqlClient client) {
        return client.query("select year, rest_days, make_up_days from calendar_year order by year")
                .execute()
                .map(rows -> {
                    List<YearCalendar> years = new ArrayList<>();
                    for (Row row : rows) {
                        years.add(new YearCalendar(
                                row.getInteger("year"),
                                dates(row.getString("rest_days")),
                                dates(row.getString("make_up_days"))));
                    }
                    return shipped.withYears(years);
                });
    }

    private String json(Set<LocalDate> days) {
        try {
            return mapper.writeValueAsString(
                    days.stream().map(LocalDate::toString).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<LocalDate> dates(String json) {
        try {
            return new TreeSet<>(mapper.readValue(json, DATES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calendar_year holds invalid JSON: " + json, e);
        }
    }
}
