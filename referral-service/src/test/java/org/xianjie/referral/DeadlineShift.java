package org.xianjie.referral;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.spi.CDI;
import java.util.UUID;

/** Moves a running deadline into the past through the database, instead of waiting days for it. */
final class DeadlineShift {

    private DeadlineShift() {}

    static void moveDueIntoPast(String referralId, String code) {
        pool().preparedQuery("""
                        update deadline set due_at = now() - interval '1 minute',
                            reminder_at = now() - interval '2 minutes', counted_from = now() - interval '3 days'
                        where referral_id = $1 and code = $2 and closed_at is null""")
                .execute(Tuple.of(UUID.fromString(referralId), code))
                .await()
                .indefinitely();
    }

    static Pool pool() {
        return CDI.current().select(Pool.class).get();
    }
}
