package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.xianjie.referral.domain.time.DeadlineClock;
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
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper mapper;
    private final WorkingCalendar shipped = WorkingCalendar.loadDefault();
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>(shipped);

    public CalendarService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    void seed(@Observes StartupEvent event) {
        Uni<Void> inserts = Uni.createFrom().voidItem();
        for (int year : shipped.coveredYears()) {
            YearCalendar y = shipped.year(year).orElseThrow();
            inserts = inserts.chain(() -> pool.preparedQuery("""
                            insert into calendar_year (year, rest_days, make_up_days, updated_by, updated_at)
                            values ($1, $2, $3, 'rules/working-calendar.json', now()) on conflict (year) do nothing""")
                    .execute(Tuple.of(year, json(y.restDays()), json(y.makeUpWorkingDays()))).replaceWithVoid());
        }
        inserts.chain(this::reload).await().indefinitely();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> LOG.warnf("working calendar not refreshed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** The deadline clock over the calendar as it stands now. */
    public DeadlineClock clock() {
        return new DeadlineClock(current.get(), DeadlineClock.CHINA);
    }

    public WorkingCalendar calendar() {
        return current.get();
    }

    /** Adds or replaces one year (an operator publishing the State Council's schedule). */
    public Uni<YearCalendar> putYear(YearCalendar year, String by) {
        return pool.preparedQuery("""
                        insert into calendar_year (year, rest_days, make_up_days, updated_by, updated_at)
                        values ($1, $2, $3, $4, $5)
                        on conflict (year) do update set rest_days = excluded.rest_days,
                            make_up_days = excluded.make_up_days, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .execute(Tuple.of(year.year(), json(year.restDays()), json(year.makeUpWorkingDays()), by,
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .chain(this::reload)
                .replaceWith(year);
    }

    private Uni<Void> reload() {
        return pool.query("select year, rest_days, make_up_days from calendar_year order by year").execute()
                .invoke(rows -> {
                    List<YearCalendar> years = new ArrayList<>();
                    for (Row row : rows) {
                        years.add(new YearCalendar(row.getInteger("year"), dates(row.getString("rest_days")),
                                dates(row.getString("make_up_days"))));
                    }
                    current.set(shipped.withYears(years));
                })
                .replaceWithVoid();
    }

    private String json(Set<LocalDate> days) {
        try {
            return mapper.writeValueAsString(days.stream().map(LocalDate::toString).toList());
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
