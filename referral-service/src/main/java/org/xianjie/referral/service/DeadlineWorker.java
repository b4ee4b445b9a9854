package org.xianjie.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.events.EventSources;
import org.xianjie.events.ReferralEventTypes;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.events.Topics;
import org.xianjie.referral.domain.process.DeadlineKind;
import org.xianjie.referral.domain.process.PartyType;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.persistence.DeadlineRecord;
import org.xianjie.referral.persistence.ReferralRecord;

/**
 * Sends each reminder and each breach event exactly once, however many replicas run and however
 * often they restart: a due row is claimed ({@code reminded_at} / {@code breached_at} set) with
 * {@code for update skip locked} in the same transaction that writes its event to the outbox. A
 * replica that crashes before committing leaves the row unclaimed for the next run; two replicas
 * never claim the same row, and a claimed row is never due again.
 *
 * <p>Only duties breach. A window (the agency's days to ask for reconsideration or supervision)
 * that ends unused lapses: it is reminded, shown as lapsed, and produces no breach event.
 */
@ApplicationScoped
public class DeadlineWorker {

    private static final Logger LOG = Logger.getLogger(DeadlineWorker.class);
    private static final int BATCH = 100;
    private static final String COLUMNS = "id, referral_id, case_id, code, party, responsible_agency, kind, opened_at,"
            + " counted_from, due_at, reminder_at, reminded_at, breached_at, closed_at, warnings";

    private static final String CLAIM_REMINDERS = """
            update deadline set reminded_at = $1 where id in (
                select id from deadline
                where reminder_at <= $1 and due_at >= $1 and reminded_at is null and breached_at is null
                  and closed_at is null
                order by reminder_at limit $2 for update skip locked)
            returning\s""" + COLUMNS;

    private static final String CLAIM_BREACHES = """
            update deadline set breached_at = $1, reminded_at = coalesce(reminded_at, $1) where id in (
                select id from deadline
                where due_at < $1 and breached_at is null and closed_at is null and kind = 'DUTY'
                order by due_at limit $2 for update skip locked)
            returning\s""" + COLUMNS;

    private final Pool pool;
    private final Snapshots snapshots;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DeadlineWorker(Pool pool, Snapshots snapshots, ObjectMapper mapper, Clock clock) {
        this.pool = pool;
        this.snapshots = snapshots;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(every = "${xianjie.deadlines.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return runOnce().onFailure().invoke(e -> LOG.warnf("deadline worker run failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One claim of due reminders and breaches; returns how many events it wrote. */
    public Uni<Integer> runOnce() {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return pool.withTransaction(conn -> claim(conn, CLAIM_REMINDERS, at)
                .chain(reminders -> announce(conn, reminders, ReferralEventTypes.DEADLINE_REMINDER, now))
                .chain(sent -> claim(conn, CLAIM_BREACHES, at)
                        .chain(breaches -> announce(conn, breaches, ReferralEventTypes.DEADLINE_BREACHED, now))
                        .map(breached -> sent + breached)));
    }

    private static Uni<List<DeadlineRecord>> claim(SqlConnection conn, String sql, OffsetDateTime at) {
        return conn.preparedQuery(sql).execute(Tuple.of(at, BATCH)).map(DeadlineWorker::deadlines);
    }

    private Uni<Integer> announce(SqlConnection conn, List<DeadlineRecord> claimed, String type, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (DeadlineRecord d : claimed) {
            chain = chain.chain(count -> announceOne(conn, d, type, now).replaceWith(count + 1));
        }
        return chain;
    }

    private Uni<Void> announceOne(SqlConnection conn, DeadlineRecord d, String type, Instant now) {
        return conn.preparedQuery("select * from referral where id = $1").execute(Tuple.of(d.referralId))
                .chain(rows -> conn.preparedQuery("select " + COLUMNS + " from deadline where referral_id = $1"
                                + " and closed_at is null order by id").execute(Tuple.of(d.referralId))
                        .chain(open -> {
                            ReferralRecord r = referral(rows.iterator().next());
                            ReferralSnapshot snapshot = snapshots.of(r, deadlines(open), null, null, null, d, now);
                            return insertOutbox(conn, type, r, snapshot, now);
                        }));
    }

    private Uni<Void> insertOutbox(SqlConnection conn, String type, ReferralRecord r, ReferralSnapshot snapshot,
                                   Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return conn.preparedQuery("""
                        insert into outbox_event (event_id, source, type, subject, topic, record_key, event_time, data,
                                                  created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(List.of(UUID.randomUUID().toString(), EventSources.REFERRAL_SERVICE, type,
                        "referrals/" + r.id, Topics.REFERRAL_EVENTS, r.caseId.toString(), at, json(snapshot),
                        OffsetDateTime.now(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DeadlineRecord> deadlines(RowSet<Row> rows) {
        List<DeadlineRecord> list = new ArrayList<>();
        for (Row row : rows) {
            DeadlineRecord d = new DeadlineRecord();
            d.id = row.getLong("id");
            d.referralId = row.getUUID("referral_id");
            d.caseId = row.getUUID("case_id");
            d.code = row.getString("code");
            d.party = PartyType.valueOf(row.getString("party"));
            d.responsibleAgency = row.getString("responsible_agency");
            d.kind = DeadlineKind.valueOf(row.getString("kind"));
            d.openedAt = row.getOffsetDateTime("opened_at");
            d.countedFrom = row.getOffsetDateTime("counted_from");
            d.dueAt = row.getOffsetDateTime("due_at");
            d.reminderAt = row.getOffsetDateTime("reminder_at");
            d.remindedAt = row.getOffsetDateTime("reminded_at");
            d.breachedAt = row.getOffsetDateTime("breached_at");
            d.closedAt = row.getOffsetDateTime("closed_at");
            d.warnings = row.getString("warnings");
            list.add(d);
        }
        return list;
    }

    private static ReferralRecord referral(Row row) {
        ReferralRecord r = new ReferralRecord();
        r.id = row.getUUID("id");
        r.caseId = row.getUUID("case_id");
        r.caseNumber = row.getString("case_number");
        r.caseTitle = row.getString("case_title");
        r.category = row.getString("category");
        r.region = row.getString("region");
        r.agencyCode = row.getString("agency_code");
        r.policeCode = row.getString("police_code");
        r.procuratorateCode = row.getString("procuratorate_code");
        r.courtCode = row.getString("court_code");
        r.forwardedFrom = row.getString("forwarded_from");
        r.policeInvited = Boolean.TRUE.equals(row.getBoolean("police_invited"));
        r.state = ReferralState.valueOf(row.getString("state"));
        r.version = row.getLong("version");
        return r;
    }
}
