package org.xianjie.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xianjie.platform.integrity.DeliveryEvidenceRecord;

/**
 * The platform's {@code delivery_evidence} rows of notifications, written and read with the reactive
 * SQL client so that an evidence commits with the act it attests (the webhook delivery's outcome).
 */
@ApplicationScoped
public class DeliveryEvidenceStore {

    /** Subject type of a notification's evidences. */
    public static final String SUBJECT = "notification";

    private final Pool pool;

    public DeliveryEvidenceStore(Pool pool) {
        this.pool = pool;
    }

    /** Who a notification is between, and the event that recorded the act it announces. */
    public record HandOver(UUID notificationId, String addressee, String role, String sender, String eventId) {}

    /**
     * The parties of a notification: its agency and role, and the sender named by the event (the
     * acting agency, or a shared item's sender).
     */
    public Uni<Optional<HandOver>> handOver(SqlClient client, UUID notificationId) {
        return client.preparedQuery("""
                        select id, agency, role, event_id,
                               coalesce(detail->>'actorAgency', detail->>'sender') as sender
                          from notification where id = $1""").execute(Tuple.of(notificationId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new HandOver(
                    r.getUUID("id"),
                    r.getString("agency"),
                    r.getString("role"),
                    r.getString("sender"),
                    r.getString("event_id")));
        });
    }

    public Uni<Optional<HandOver>> handOver(UUID notificationId) {
        return handOver(pool, notificationId);
    }

    public Uni<Void> insert(SqlClient client, DeliveryEvidenceRecord e) {
        return client.preparedQuery("""
                        insert into delivery_evidence (id, subject_type, subject_id, evidence_type, sender, addressee,
                            at, payload, signature, key_id)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(Arrays.asList(
                        e.id,
                        e.subjectType,
                        e.subjectId,
                        e.evidenceType,
                        e.sender,
                        e.addressee,
                        e.at,
                        e.payload,
                        e.signature,
                        e.keyId)))
                .replaceWithVoid();
    }

    /** The evidences of one notification, oldest first. */
    public Uni<List<DeliveryEvidenceRecord>> of(UUID notificationId) {
        return pool.preparedQuery("""
                        select * from delivery_evidence where subject_type = $1 and subject_id = $2 order by at, id""")
                .execute(Tuple.of(SUBJECT, notificationId.toString()))
                .map(rows -> {
                    List<DeliveryEvidenceRecord> list = new ArrayList<>();
                    rows.forEach(r -> {
                        DeliveryEvidenceRecord e = new DeliveryEvidenceRecord();
                        e.id = r.getUUID("id");
                        e.subjectType = r.getString("subject_type");
                        e.subjectId = r.getString("subject_id");
                        e.evidenceType = r.getString("evidence_type");
                        e.sender = r.getString("sender");
                        e.addressee = r.getString("addressee");
                        e.at = r.getOffsetDateTime("at");
                        e.payload = r.getString("payload");
                        e.signature = r.getString("signature");
                        e.keyId = r.getString("key_id");
                        list.add(e);
                    });
                    return list;
                });
    }
}
