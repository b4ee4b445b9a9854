package org.xianjie.referral.api.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.service.sharing.SharedItem;
import org.xianjie.referral.service.sharing.SharedItems;

/**
 * What every sharing resource does around its service call: takes the caller, runs a write once
 * per Idempotency-Key and answers with the item's view, and reads the caller's items of a kind.
 * The resources keep only their paths, their OpenAPI and the mapping of a request to a command.
 */
@ApplicationScoped
public class SharingWrites {

    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final SharedItems shared;
    private final CurrentCaller caller;

    public SharingWrites(
            IdempotencyStore idempotency, ObjectMapper mapper, Clock clock, SharedItems shared, CurrentCaller caller) {
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
        this.shared = shared;
        this.caller = caller;
    }

    /** A new item: 201 with its view. */
    public Uni<Response> create(String key, String path, Object body, Function<Caller, Uni<SharedItem>> effect) {
        Caller c = caller.get();
        return write(c, key, path, body, 201, () -> effect.apply(c));
    }

    /** An act on an item: 200 with the item's view after it. */
    public Uni<Response> act(String key, String path, Object body, Function<Caller, Uni<SharedItem>> effect) {
        Caller c = caller.get();
        return write(c, key, path, body, 200, () -> effect.apply(c));
    }

    /** An act whose text is required (400 naming {@code text} when blank); the effect gets it stripped. */
    public Uni<Response> actWithText(
            String key, String path, ActRequest body, BiFunction<Caller, String, Uni<SharedItem>> effect) {
        Caller c = caller.get();
        String text = required(body.text());
        return write(c, key, path, body, 200, () -> effect.apply(c, text));
    }

    /** The caller's items of a kind (sent or addressed to its agency), newest first. */
    public Uni<List<SharingView.Summary>> list(SharingKind kind) {
        return shared.list(caller.get(), kind).map(SharingWrites::summaries);
    }

    /** One item of a kind, for its parties only (404 to anyone else). */
    public Uni<SharingView> find(UUID id, SharingKind kind) {
        return shared.find(caller.get(), id, kind).map(this::view);
    }

    /** An act request that may be left out entirely (a read receipt, an acceptance without a note). */
    static ActRequest orEmpty(ActRequest r) {
        return r == null ? ActRequest.EMPTY : r;
    }

    static String required(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text", "must not be blank");
        }
        return text.strip();
    }

    /** Runs {@code effect} once per key and request; a repeat answers what the first one did. */
    private Uni<Response> write(
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

    private SharingView view(SharedItem item) {
        return SharingView.of(item, mapper, clock.instant());
    }

    private static List<SharingView.Summary> summaries(List<SharingItemRecord> items) {
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
