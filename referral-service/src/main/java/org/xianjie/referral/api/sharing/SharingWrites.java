package org.xianjie.referral.api.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.service.sharing.SharedItem;

/** Idempotent writes (Idempotency-Key) and views for the sharing resources. */
@ApplicationScoped
public class SharingWrites {

    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SharingWrites(IdempotencyStore idempotency, ObjectMapper mapper, Clock clock) {
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Runs {@code effect} once per key and request; a repeat answers what the first one did. */
    public Uni<Response> write(
            Caller c, String key, String path, Object body, int status, Supplier<Uni<SharedItem>> effect) {
        String validKey = IdempotencyStore.validKey(IdempotencyStore.KEY_HEADER, key);
        String hash = IdempotencyStore.hash("POST", path, json(body));
        return idempotency
                .execute(
                        c.agencyCode(),
                        validKey,
                        hash,
                        () -> effect.get().map(result -> IdempotentResponse.of(status, json(view(result)))))
                .map(IdempotentResponse::toResponse);
    }

    public SharingView view(SharedItem item) {
        return SharingView.of(item, mapper, clock.instant());
    }

    public List<SharingView.Summary> summaries(List<SharingItemRecord> items) {
        return items.stream().map(SharingView.Summary::of).toList();
    }

    private String json(Object value) {
        try {
            return value == null ? "" : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
