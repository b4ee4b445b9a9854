package org.xianjie.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.xianjie.notification.domain.EventTypeFilter;

/** Notifications in PostgreSQL: insertion with per-agency sequence and webhook deliveries, and the reads of inbox and stream. */
@ApplicationScoped
public class NotificationStore {

    static final String COLUMNS = """
            id, agency, seq, role, urgency, event_type, step, referral_id, case_id, case_number, title_zh, title_en,
            detail::text as detail, escalation_of, created_at, read_at, read_by""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public NotificationStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * Stores {@code n} inside the caller's transaction unless its id exists (a redelivery), and
     * queues it for the agency's matching webhook endpoints. Empty if it already existed.
     *
     * <p>Two round trips per notification, whatever the number of endpoints: profiling the ingest
     * under load showed six sequential statements per recipient (existence check, commit setting,
     * sequence, insert, endpoint read, delivery insert), each waiting for the last.
     */
    public Uni<Optional<NotificationView>> insert(SqlConnection conn, NewNotification n) {
        return allocateAndInsert(conn, n)
                .chain(view -> view.isEmpty()
                        ? Uni.createFrom().item(view)
                        : queueWebhooks(conn, view.get()).replaceWith(view));
    }

    /**
     * Takes the agency's next sequence number from its counter row, whose lock is held until the
     * transaction ends: one agency's notifications commit in sequence order. The transaction
     * commits synchronously whatever the server's default ({@code set_config(..., true)} is
     * {@code set local}), so a number a stream has shown is on disk: a crash can only roll back
     * numbers nobody saw, and they are never handed out twice. An existing id takes no number.
     */
    private Uni<Optional<NotificationView>> allocateAndInsert(SqlConnection conn, NewNotification n) {
        return conn.preparedQuery("""
                        with fresh as (
                            select set_config('synchronous_commit', 'on', true)
                             where not exists (select 1 from notification where id = $1::uuid)),
                        next as (
                            insert into agency_sequence (agency, last_seq) select $2::text, 1 from fresh
                            on conflict (agency) do update set last_seq = agency_sequence.last_seq + 1
                            returning last_seq)
                        insert into notification (id, agency, seq, role, urgency, event_type, event_source, event_id,
                            step, referral_id, case_id, case_number, title_zh, title_en, detail, escalation_of, created_at)
                        select $1::uuid, $2::text, next.last_seq, $3::text, $4::text, $5::text, $6::text, $7::text,
                               $8::text, $9::uuid, $10::uuid, $11::text, $12::text, $13::text, cast($14::text as jsonb),
                               $15::uuid, $16::timestamptz
                          from next
                        returning """ + " " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(
                        n.id(),
                        n.agency(),
                        n.role(),
                        n.urgency(),
                        n.eventType(),
                        n.eventSource(),
                        n.eventId(),
                        n.step(),
                        n.referralId(),
                        n.caseId(),
                        n.caseNumber(),
                        n.titleZh(),
                        n.titleEn(),
                        json(n.detail()),
                        n.escalationOf(),
                        n.createdAt())))
                .map(rows -> rows.size() == 0
                        ? Optional.<NotificationView>empty()
                        : Optional.of(toView(rows.iterator().next())));
    }

    /**
     * One delivery per endpoint of the agency whose patterns match the event type, chosen by the
     * database in the insert itself; the patterns mean what {@link EventTypeFilter#matches} says.
     */
    private Uni<Void> queueWebhooks(SqlConnection conn, NotificationView view) {
        String orderingKey = view.referralId() != null
                ? view.referralId().toString()
                : view.caseId() != null ? view.caseId().toString() : view.id().toString();
        return conn.preparedQuery("""
                        insert into webhook_delivery (endpoint_id, notification_id, agency, ordering_key, event_type,
                            payload, status, next_attempt_at)
                        select e.id, $1::uuid, $2::text, $3::text, $4::text, $5::text, 'PENDING', now()
                          from webhook_endpoint e
                         where e.agency = $2::text
                           and exists (select 1 from unnest(e.event_types) p
                                        where p = '*' or p = $4::text
                                           or (right(p, 1) = '*' and starts_with($4::text, left(p, -1))))
                        on conflict do nothing""")
                .execute(Tuple.of(view.id(), view.agency(), orderingKey, view.eventType(), webhookPayload(view)))
                .replaceWithVoid();
    }

    /** The body webhooks receive: {@code {"type", "timestamp", "data": notification}}. */
    public String webhookPayload(NotificationView view) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "xianjie.notification.created");
        body.put("timestamp", view.createdAt().toString());
        body.set("data", mapper.valueToTree(view));
        return json(body);
    }

    /** The agency's notifications after {@code afterSeq}, in sequence order, every role included. */
    public Uni<List<NotificationView>> after(String agency, long afterSeq, int limit) {
        return pool.preparedQuery(
                        "select " + COLUMNS + " from notification where agency = $1 and seq > $2 order by seq limit $3")
                .execute(Tuple.of(agency, afterSeq, limit))
                .map(this::toViews);
    }

    public Uni<Long> currentSeq(String agency) {
        return pool.preparedQuery("select last_seq from agency_sequence where agency = $1")
                .execute(Tuple.of(agency))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    /** Newest first; {@code beforeSeq} is the cursor of the previous page. */
    public Uni<List<NotificationView>> list(
            String agency, Set<String> roles, boolean unreadOnly, String urgency, Long beforeSeq, int limit) {
        return pool.preparedQuery("select " + COLUMNS + """
                         from notification
                        where agency = $1 and (role is null or role = any($2))
                          and ($3 = false or read_at is null)
                          and ($4::text is null or urgency = $4)
                          and ($5::bigint is null or seq < $5)
                        order by seq desc limit $6""")
                .execute(Tuple.from(
                        Arrays.asList(agency, roles.toArray(String[]::new), unreadOnly, urgency, beforeSeq, limit)))
                .map(this::toViews);
    }

    public Uni<Long> unreadCount(String agency, Set<String> roles) {
        return pool.preparedQuery(
                        "select count(*) from notification where agency = $1 and (role is null or role = any($2)) and read_at is null")
                .execute(Tuple.of(agency, roles.toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<NotificationView>> find(String agency, Set<String> roles, UUID id) {
        return pool.preparedQuery("select " + COLUMNS
                        + " from notification where id = $1 and agency = $2 and (role is null or role = any($3))")
                .execute(Tuple.of(id, agency, roles.toArray(String[]::new)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toView(rows.iterator().next())));
    }

    /** Records the read receipt once: the first acknowledgement's user and time stay. */
    public Uni<Optional<NotificationView>> acknowledge(String agency, Set<String> roles, UUID id, String user) {
        return pool.preparedQuery("""
                        update notification set read_at = coalesce(read_at, now()), read_by = coalesce(read_by, $4)
                         where id = $1 and agency = $2 and (role is null or role = any($3))
                        returning """ + " " + COLUMNS)
                .execute(Tuple.of(id, agency, roles.toArray(String[]::new), user))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toView(rows.iterator().next())));
    }

    /** URGENT notifications unread since before {@code cutoff} and not yet escalated. */
    public Uni<List<UUID>> dueForEscalation(OffsetDateTime cutoff, int limit) {
        return pool.preparedQuery("""
                        select id from notification
                         where urgency = 'URGENT' and read_at is null and escalated_at is null and escalation_of is null
                           and created_at < $1 order by created_at limit $2""").execute(Tuple.of(cutoff, limit)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    /** Marks the escalation taken inside {@code conn}'s transaction; empty if another replica or a reader came first. */
    public Uni<Optional<NotificationView>> claimEscalation(SqlClient conn, UUID id) {
        return conn.preparedQuery("""
                        update notification set escalated_at = now()
                         where id = $1 and escalated_at is null and read_at is null
                        returning """ + " " + COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(toView(rows.iterator().next())));
    }

    private List<NotificationView> toViews(RowSet<Row> rows) {
        List<NotificationView> views = new ArrayList<>(rows.size());
        rows.forEach(row -> views.add(toView(row)));
        return views;
    }

    NotificationView toView(Row row) {
        OffsetDateTime readAt = row.getOffsetDateTime("read_at");
        try {
            return new NotificationView(
                    row.getUUID("id"),
                    row.getLong("seq"),
                    row.getString("agency"),
                    row.getString("role"),
                    row.getString("urgency"),
                    row.getString("event_type"),
                    row.getString("step"),
                    row.getUUID("referral_id"),
                    row.getUUID("case_id"),
                    row.getString("case_number"),
                    new NotificationView.Title(row.getString("title_zh"), row.getString("title_en")),
                    mapper.readTree(row.getString("detail")),
                    row.getUUID("escalation_of"),
                    row.getOffsetDateTime("created_at"),
                    readAt == null ? null : new NotificationView.Receipt(row.getString("read_by"), readAt));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
