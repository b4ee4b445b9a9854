package org.xianjie.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.events.CaseSnapshot;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.EventSources;
import org.xianjie.notification.domain.CreditDecision;
import org.xianjie.notification.persistence.CreditFeedStore;

/**
 * 联合奖惩 credit feed: reads every case-service event for its penalty decision and, when
 * {@link CreditDecision} says so, queues a CloudEvent for the credit-sharing platform in the same
 * transaction that marks the case event processed, so each decision version is queued exactly
 * once. The event id is derived from case and version, so a receiver can deduplicate too.
 */
@ApplicationScoped
public class CreditFeed {

    private static final Logger LOG = Logger.getLogger(CreditFeed.class);
    public static final String SOURCE = "/xianjie/notification-service/credit-feed";

    private final CreditFeedSettings settings;
    private final CreditFeedStore store;
    private final ObjectMapper mapper;

    public CreditFeed(CreditFeedSettings settings, CreditFeedStore store, ObjectMapper mapper) {
        this.settings = settings;
        this.store = store;
        this.mapper = mapper;
    }

    public Uni<Void> record(SqlConnection conn, CloudEvent event) {
        if (!settings.enabled()
                || !EventSources.CASE_SERVICE.equals(event.source())
                || event.data() == null
                || !event.data().hasNonNull("penalty")) {
            return Uni.createFrom().voidItem();
        }
        CaseSnapshot snapshot;
        try {
            snapshot = mapper.treeToValue(event.data(), CaseSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The notification path already accepted this event; a feed that cannot read it skips it.
            LOG.warnf(
                    "case event %s carries a penalty the credit feed cannot read; not published: %s",
                    event.id(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (snapshot.caseId() == null) {
            return Uni.createFrom().voidItem();
        }
        return store.lockLast(conn, snapshot.caseId())
                .chain(last -> CreditDecision.next(
                                snapshot,
                                settings.publicity(),
                                settings.partyKey(),
                                last.map(CreditFeedStore.Published::version).orElse(null),
                                last.map(CreditFeedStore.Published::fingerprint).orElse(null))
                        .map(publication -> {
                            int version = publication.data().decisionVersion();
                            UUID eventId = UUID.nameUUIDFromBytes(
                                    (snapshot.caseId() + "/" + version).getBytes(StandardCharsets.UTF_8));
                            CloudEvent out = CloudEvent.of(
                                    eventId.toString(),
                                    SOURCE,
                                    publication.type(),
                                    "penalty-decisions/" + snapshot.caseId(),
                                    OffsetDateTime.now(ZoneOffset.UTC),
                                    mapper.valueToTree(publication.data()));
                            String payload;
                            try {
                                payload = mapper.writeValueAsString(out);
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException("cannot write credit feed event", e);
                            }
                            return store.enqueue(
                                    conn,
                                    snapshot.caseId(),
                                    version,
                                    publication.fingerprint(),
                                    eventId,
                                    publication.type(),
                                    publication.data().decisionNumber(),
                                    payload);
                        })
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
