package org.xianjie.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.TestInfra;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.notification.persistence.NewNotification;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.NotificationView;

/**
 * Per-agency sequence numbers (the stream's event ids) under concurrent writers: several
 * transactions insert notifications for one agency at once, each holding its transaction open a
 * little; a stream resumed from a number in the middle gets exactly every later notification, in
 * order, with no gap and no duplicate.
 */
@QuarkusTest
@QuarkusTestResource(
        value = XianjieTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class NotificationSequenceTest {

    /** An agency no other test writes to, so that its sequence is this test's alone. */
    private static final String AGENCY = "TJ-MPA";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    @Inject
    NotificationStore store;

    @Test
    void streamResumedMidwayWhileSeveralTransactionsInsertGetsExactlyTheRest() throws Exception {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            before.add(insert(0).seq());
        }
        long mid = before.get(4);

        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            running.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    insert(ThreadLocalRandom.current().nextInt(0, 40));
                }
                return null;
            }));
        }
        try (SseClient resumed = new SseClient(base, TestInfra.get().token(AGENCY), Long.toString(mid))) {
            assertThat(resumed.status).isEqualTo(200);
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
            List<Row> expected = committedAfter(mid);
            assertThat(expected).hasSize(5 + 6 * 15);
            assertThat(expected.stream().mapToLong(r -> r.getLong("seq")).toArray())
                    .as("sequence numbers after %d, as committed", mid)
                    .containsExactly(LongStream.rangeClosed(mid + 1, mid + expected.size())
                            .toArray());

            List<SseClient.Event> got = resumed.take(expected.size(), Duration.ofSeconds(30));
            assertThat(got)
                    .extracting(SseClient.Event::id)
                    .containsExactlyElementsOf(expected.stream()
                            .map(r -> Long.toString(r.getLong("seq")))
                            .toList());
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).data())
                        .contains(expected.get(i).getUUID("id").toString());
            }
            // A witness instead of a wait: the next event on the stream is the next notification.
            NotificationView witness = insert(0);
            assertThat(resumed.take(1, Duration.ofSeconds(10)).get(0).id()).isEqualTo(Long.toString(witness.seq()));
        }
    }

    @Test
    void theTransactionThatTakesANumberCommitsSynchronouslyWhateverTheSessionSays() {
        String setting = pool.withTransaction(conn -> conn.query("set local synchronous_commit = off")
                        .execute()
                        .chain(() -> store.insert(conn, notification()))
                        .chain(() -> conn.query("show synchronous_commit").execute()))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getString(0);
        assertThat(setting).isEqualTo("on");
    }

    /** Inserts one notification in its own transaction, held open {@code holdMillis} after the insert. */
    private NotificationView insert(int holdMillis) {
        return pool.withTransaction(conn -> store.insert(conn, notification())
                        .call(() -> conn.query("select pg_sleep(" + holdMillis / 1000.0 + ")")
                                .execute()))
                .await()
                .atMost(Duration.ofSeconds(30))
                .orElseThrow();
    }

    private static NewNotification notification() {
        UUID id = UUID.randomUUID();
        return new NewNotification(
                id,
                AGENCY,
                null,
                "INFO",
                "org.xianjie.referral.file.v1",
                "test",
                id.toString(),
                "FILE",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "津药监处〔2026〕1号",
                "已立案",
                "Case filed",
                JsonNodeFactory.instance.objectNode(),
                null,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<Row> committedAfter(long seq) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select id, seq from notification where agency = $1 and seq > $2 order by seq")
                .execute(Tuple.of(AGENCY, seq))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(rows::add);
        return rows;
    }
}
