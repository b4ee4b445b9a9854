package org.xianjie.cases.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;

/**
 * Runs a write under the caller's {@code Idempotency-Key}: the request is identified by method,
 * path and its canonical JSON, and the view returned is stored as the first response.
 */
@ApplicationScoped
public class IdempotentWrites {

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotentWrites(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    public Uni<Response> run(
            Caller caller, String key, String operation, Object request, int status, Supplier<Uni<?>> write) {
        String validKey = IdempotencyStore.validKey(IdempotencyStore.KEY_HEADER, key);
        return respond(caller, validKey, IdempotencyStore.hash(operation, json(request)), status, write)
                .map(IdempotentResponse::toResponse);
    }

    /** The same for a key already validated and a hash already computed (posted CloudEvents). */
    public Uni<IdempotentResponse> respond(
            Caller caller, String key, String requestHash, int status, Supplier<Uni<?>> write) {
        return store.execute(
                caller.agencyCode(),
                key,
                requestHash,
                () -> write.get().map(result -> IdempotentResponse.of(status, json(result))));
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
