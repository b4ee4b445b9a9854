package org.xianjie.notification.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints, deliveries and attempts; every read is scoped to the owning agency. */
@ApplicationScoped
public class WebhookStore {

    private final Pool pool;

    public WebhookStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<WebhookView> insert(
            UUID id,
            String agency,
            String url,
            List<String> types,
            String description,
            String secret,
            String user,
            OffsetDateTime now) {
        return pool.preparedQuery("""
                        insert into webhook_endpoint (id, agency, url, description, event_types, secret, created_at, created_by)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(
                        Arrays.asList(id, agency, url, description, types.toArray(String[]::new), secret, now, user)))
                .replaceWith(new WebhookView(id, agency, url, types, description, now, user, secret));
    }

    public Uni<List<WebhookView>> list(String agency) {
        return pool.preparedQuery("select * from webhook_endpoint where agency = $1 order by created_at")
                .execute(Tuple.of(agency))
                .map(rows -> {
                    List<WebhookView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(endpoint(r)));
                    return views;
                });
    }

    public Uni<Optional<WebhookView>> find(String agency, UUID id) {
        return pool.preparedQuery("select * from webhook_endpoint where agency = $1 and id = $2")
                .execute(Tuple.of(agency, id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(endpoint(rows.iterator().next())));
    }

    public Uni<Boolean> delete(String agency, UUID id) {
        return pool.preparedQuery("delete from webhook_endpoint where agency = $1 and id = $2")
                .execute(Tuple.of(agency, id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Deliveries of an endpoint, newest first, each with its attempts; {@code status} filters if given. */
    public Uni<List<DeliveryView>> deliveries(UUID endpointId, String status, int limit) {
        return pool.preparedQuery("""
                        select * from webhook_delivery where endpoint_id = $1 and ($2::text is null or status = $2)
                         order by id desc limit $3""")
                .execute(Tuple.from(Arrays.asList(endpointId, status, limit)))
                .chain(rows -> {
                    Map<Long, Row> byId = new LinkedHashMap<>();
                    rows.forEach(r -> byId.put(r.getLong("id"), r));
                    if (byId.isEmpty()) {
                        return Uni.createFrom().item(List.<DeliveryView>of());
                    }
                    return pool.preparedQuery("select * from webhook_attempt where delivery_id = any($1) order by id")
                            .execute(Tuple.of(byId.keySet().toArray(Long[]::new)))
                            .map(attempts -> {
                                Map<Long, List<DeliveryView.Attempt>> log = new LinkedHashMap<>();
                                attempts.forEach(
                                        a -> log.computeIfAbsent(a.getLong("delivery_id"), k -> new ArrayList<>())
                                                .add(new DeliveryView.Attempt(
                                                        a.getInteger("attempt"),
                                                        a.getOffsetDateTime("attempted_at"),
                                                        a.getInteger("status_code"),
                                                        a.getString("error"),
                                                        a.getLong("duration_ms"))));
                                List<DeliveryView> views = new ArrayList<>();
                                byId.forEach((id, r) -> views.add(delivery(r, log.getOrDefault(id, List.of()))));
                                return views;
                            });
                });
    }

    /** Puts a DEAD delivery back in the queue with a fresh attempt budget; false if it is not dead. */
    public Uni<Boolean> redeliver(UUID endpointId, long deliveryId) {
        return pool.preparedQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now()
                         where id = $1 and endpoint_id = $2 and status = 'DEAD'""").execute(Tuple.of(deliveryId, endpointId)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Optional<String>> deliveryStatus(UUID endpointId, long deliveryId) {
        return pool.preparedQuery("select status from webhook_delivery where id = $1 and endpoint_id = $2")
                .execute(Tuple.of(deliveryId, endpointId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString(0)));
    }

    private static WebhookView endpoint(Row r) {
        return new WebhookView(
                r.getUUID("id"),
                r.getString("agency"),
                r.getString("url"),
                List.of(r.getArrayOfStrings("event_types")),
                r.getString("description"),
                r.getOffsetDateTime("created_at"),
                r.getString("created_by"),
                null);
    }

    private static DeliveryView delivery(Row r, List<DeliveryView.Attempt> log) {
        String status = r.getString("status");
        return new DeliveryView(
                r.getLong("id"),
                r.getUUID("endpoint_id"),
                r.getUUID("notification_id"),
                r.getString("event_type"),
                status,
                r.getInteger("attempts"),
                r.getInteger("last_status"),
                r.getString("last_error"),
                r.getOffsetDateTime("created_at"),
                "PENDING".equals(status) ? r.getOffsetDateTime("next_attempt_at") : null,
                r.getOffsetDateTime("delivered_at"),
                log);
    }
}
