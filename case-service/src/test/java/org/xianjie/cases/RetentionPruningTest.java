package org.xianjie.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.XianjieTestResource;
import org.xianjie.platform.retention.RetentionPruner;

/** Published outbox rows, old processed-event ids and expired idempotency records go; younger ones stay. */
@QuarkusTest
@QuarkusTestResource(value = XianjieTestResource.class, initArgs = @ResourceArg(name = "service", value = "case"))
class RetentionPruningTest {

    @Inject
    RetentionPruner pruner;

    @Test
    void rowsPastTheirRetentionArePrunedAndYoungerOnesKept() throws Exception {
        String tag = UUID.randomUUID().toString();
        try (Connection c = Infra.jdbc();
                Statement s = c.createStatement()) {
            s.execute(outbox(tag + "-published-old", "now() - interval '8 days'", "now() - interval '8 days'"));
            s.execute(outbox(tag + "-published-new", "now() - interval '1 hour'", "now() - interval '1 hour'"));
            s.execute(processed(tag + "-old", "now() - interval '31 days'"));
            s.execute(processed(tag + "-new", "now() - interval '13 days'"));
            s.execute(idempotency(tag + "-old", "now() - interval '8 days'"));
            s.execute(idempotency(tag + "-new", "now() - interval '1 day'"));
        }

        long[] deleted = pruner.prune().await().atMost(Duration.ofSeconds(60));

        assertThat(deleted[0]).isGreaterThanOrEqualTo(1);
        try (Connection c = Infra.jdbc();
                Statement s = c.createStatement()) {
            assertThat(count(s, "outbox_event where event_id like '" + tag + "%'"))
                    .isEqualTo(1);
            assertThat(count(s, "outbox_event where event_id = '" + tag + "-published-new'"))
                    .isEqualTo(1);
            assertThat(count(s, "processed_event where event_id like '" + tag + "%'"))
                    .isEqualTo(1);
            assertThat(count(s, "processed_event where event_id = '" + tag + "-new'"))
                    .isEqualTo(1);
            assertThat(count(s, "idempotency_record where idem_key like '" + tag + "%'"))
                    .isEqualTo(1);
            assertThat(count(s, "idempotency_record where idem_key = '" + tag + "-new'"))
                    .isEqualTo(1);
        }
    }

    private static String outbox(String eventId, String createdAt, String publishedAt) {
        return """
                insert into outbox_event (event_id, source, type, topic, record_key, event_time, data, created_at, published_at)
                values ('%s', '/test/retention', 'org.xianjie.test.v1', 'xianjie.test.retention', 'k', now(), '{}', %s, %s)""".formatted(eventId, createdAt, publishedAt);
    }

    private static String processed(String eventId, String processedAt) {
        return "insert into processed_event (source, event_id, type, processed_at) values ('/test/retention', '%s', 't', %s)"
                .formatted(eventId, processedAt);
    }

    private static String idempotency(String key, String createdAt) {
        return """
                insert into idempotency_record (agency_code, idem_key, request_hash, status, body, created_at)
                values ('TJ-AMR', '%s', 'h', 201, '{}', %s)""".formatted(key, createdAt);
    }

    private static long count(Statement s, String from) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
