package org.xianjie.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.events.CloudEvent;
import org.xianjie.platform.inbox.CaseLogContext;
import org.xianjie.platform.integrity.RecordChain;

/**
 * Appends CloudEvents to the transactional outbox: the one path by which every writer (REST steps,
 * scheduled workers, consumers) stores its events. Call it inside the transaction that makes the
 * change (for example within {@code Panache.withTransaction}), after locking the aggregate; the
 * event is published only if that transaction commits, and is never lost once it has.
 *
 * <p>An event for one of the chained topics ({@code xianjie.integrity.chained-topics}) is also
 * appended, in the same transaction, to the {@link RecordChain} named by its record key (the case):
 * the tamper-evident record of the case.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final RecordChain chain;
    private final Set<String> chainedTopics;

    public Outbox(
            ObjectMapper mapper,
            RecordChain chain,
            @ConfigProperty(
                            name = "xianjie.integrity.chained-topics",
                            defaultValue = "xianjie.case.events,xianjie.referral.events")
                    List<String> chainedTopics) {
        this.mapper = mapper;
        this.chain = chain;
        this.chainedTopics = Set.copyOf(chainedTopics);
    }

    /** Builds a new event with a fresh id and the current time. */
    public CloudEvent newEvent(String source, String type, String subject, Object data) {
        return newEvent(source, type, subject, data, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Builds a new event with a fresh id that happened at {@code time} (a service's own clock). */
    public CloudEvent newEvent(String source, String type, String subject, Object data, OffsetDateTime time) {
        return CloudEvent.of(UUID.randomUUID().toString(), source, type, subject, time, mapper.valueToTree(data));
    }

    /** Stores {@code event} for publication to {@code topic} with record key {@code key}. */
    public Uni<CloudEvent> append(String topic, String key, CloudEvent event) {
        CaseLogContext.set(key);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.source = event.source();
        row.type = event.type();
        row.subject = event.subject();
        row.topic = topic;
        row.recordKey = key;
        row.eventTime = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
        row.data = json(event.data());
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Void> stored = Panache.getSession().chain(session -> session.persist(row));
        if (chainedTopics.contains(topic)) {
            stored = stored.chain(() -> chain.append(key, RecordChain.EVENT, event.id(), mapper.valueToTree(event)))
                    .replaceWithVoid();
        }
        return stored.replaceWith(event);
    }

    private String json(JsonNode data) {
        try {
            return data == null ? "null" : mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
