package org.xianjie.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The credit feed's published decision versions and its delivery log. */
@ApplicationScoped
public class CreditFeedStore {

    /** The version last published for a case, and its fingerprint. */
    public record Published(int version, String fingerprint) {}

    private final Pool pool;

    public CreditFeedStore(Pool pool) {
        this.pool = pool;
    }

    /** The case's last published version, locked until the transaction ends. */
    public Uni<Optional<Published>> lockLast(SqlConnection conn, UUID caseId) {
        return conn.preparedQuery(
                        "select decision_version, fingerprint from credit_feed_decision where case_id = $1 for update")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new Published(r.getInteger("decision_version"), r.getString("fingerprint")));
                });
    }

    /** Records the new version and queues its event; a version already queued is not queued again. */
    public Uni<Void> enqueue(
            SqlConnection conn,
            UUID caseId,
            int version,
            String fingerprint,
            UUID eventId,
            String eventType,
            String decisionNumber,
            String payload) {
        return conn.preparedQuery("""
                        insert into credit_feed_decision (case_id, decision_version, fingerprint, updated_at)
                        values ($1, $2, $3, now())
                        on conflict (case_id) do update set decision_version = excluded.decision_version,
                            fingerprint = excluded.fingerprint, updated_at = now()""")
                .execute(Tuple.of(caseId, version, fingerprint))
                .chain(() -> conn.preparedQuery("""
                                insert into credit_feed_delivery (event_id, case_id, decision_version, decision_number,
                                    event_type, payload, status, next_attempt_at)
                                values ($1, $2, $3, $4, $5, $6, 'PENDING', now())
                                on conflict do nothing""")
                        .execute(Tuple.from(
                                Arrays.asList(eventId, caseId, version, decisionNumber, eventType, payload))))
                .replaceWithVoid();
    }

    /** A dead delivery queued again with a fresh attempt budget; false if it is not dead. */
    public Uni<Boolean> redeliver(long id) {
        return pool.preparedQuery("""
                        update credit_feed_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now()
                         where id = $1 and status = 'DEAD'""").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Optional<String>> status(long id) {
        return pool.preparedQuery("select status from credit_feed_delivery where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<List<CreditFeedDeliveryView>> deliveries(String status, UUID caseId, int limit) {
        return pool.preparedQuery("""
                        select id, event_id, event_type, case_id, decision_number, decision_version, status, attempts,
                               last_status, last_error, created_at, next_attempt_at, delivered_at
                          from credit_feed_delivery
                         where ($1::text is null or status = $1) and ($2::uuid is null or case_id = $2)
                         order by id desc limit $3""")
                .execute(Tuple.from(Arrays.asList(status, caseId, limit)))
                .map(rows -> {
                    List<CreditFeedDeliveryView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new CreditFeedDeliveryView(
                                r.getLong("id"),
                                r.getUUID("event_id"),
                                r.getString("event_type"),
                                r.getUUID("case_id"),
                                r.getString("decision_number"),
                                r.getInteger("decision_version"),
                                r.getString("status"),
                                r.getInteger("attempts"),
                                r.getInteger("last_status"),
                                r.getString("last_error"),
                                r.getOffsetDateTime("created_at"),
                                r.getOffsetDateTime("next_attempt_at"),
                                r.getOffsetDateTime("delivered_at")));
                    }
                    return out;
                });
    }
}
