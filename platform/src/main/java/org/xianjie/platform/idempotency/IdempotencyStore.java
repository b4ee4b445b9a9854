package org.xianjie.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;

/**
 * Makes a write idempotent per (agency, key): the first response is stored in the same transaction
 * as the write's effect, so that the same key with the same request replays it (header
 * {@value #REPLAYED_HEADER}) and changes nothing, while the same key with a different request is
 * refused with 422. A failed write stores nothing, so the caller may retry it after fixing it.
 */
@ApplicationScoped
public class IdempotencyStore {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * Runs {@code effect} once per (agency, key) in one transaction with the record of its response.
     * Without a key the effect simply runs.
     */
    public Uni<IdempotentResponse> execute(
            String agencyCode, String key, String requestHash, Supplier<Uni<IdempotentResponse>> effect) {
        if (key == null) {
            return Panache.withTransaction(effect);
        }
        return Panache.withTransaction(() -> find(agencyCode, key).chain(stored -> {
            if (stored == null) {
                return effect.get().call(response -> save(agencyCode, key, requestHash, response));
            }
            if (!stored.hash().equals(requestHash)) {
                return Uni.createFrom()
                        .failure(ProblemException.unprocessable(
                                "Idempotency key reused",
                                "idempotency key '" + key + "' was already used for a different request",
                                List.of(new Problem.FieldError(KEY_HEADER, "already used for a different request")),
                                null));
            }
            return Uni.createFrom().item(new IdempotentResponse(stored.status(), stored.body(), true));
        }));
    }

    /** Checks a client-chosen key: 1 to 200 visible ASCII characters. */
    public static String validKey(String field, String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(field, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    /** SHA-256 hex over the parts that make two requests "the same" (method, path, canonical body). */
    public static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private Uni<Stored> find(String agencyCode, String key) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select request_hash, status, body from idempotency_record
                                where agency_code = :agency and idem_key = :key for update""", Object[].class)
                        .setParameter("agency", agencyCode)
                        .setParameter("key", key)
                        .getResultList())
                .map(rows -> rows.isEmpty()
                        ? null
                        : new Stored((String) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue(), (String)
                                rows.get(0)[2]));
    }

    private Uni<Integer> save(String agencyCode, String key, String requestHash, IdempotentResponse response) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into idempotency_record (agency_code, idem_key, request_hash, status, body)
                                values (:agency, :key, :hash, :status, :body)""")
                        .setParameter("agency", agencyCode)
                        .setParameter("key", key)
                        .setParameter("hash", requestHash)
                        .setParameter("status", response.status())
                        .setParameter("body", response.json())
                        .executeUpdate());
    }

    private record Stored(String hash, int status, String body) {}
}
