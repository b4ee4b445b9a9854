package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode.
 *
 * <p>On REST the whole envelope is the body ({@code application/cloudevents+json}); on Kafka the
 * attributes travel as {@code ce_*} headers (protocol binding, binary mode) and {@link #data()} is
 * the record value. {@code source} + {@code id} identifies an event; consumers dedupe on it.
 * Unknown attributes (extensions) are ignored so that producers can evolve.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** An event of the suite, its {@code dataschema} the schema of its type ({@link EventSchemas}). */
    public static CloudEvent of(
            String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {
        return new CloudEvent(
                SPEC_VERSION,
                id,
                source,
                type,
                subject,
                time,
                JSON,
                type == null ? null : EventSchemas.uriOf(type).toString(),
                data);
    }

    /** The identity consumers deduplicate on. */
    public EventKey key() {
        return new EventKey(source, id);
    }

    /** {@code source} + {@code id}: the CloudEvents identity of an event. */
    public record EventKey(String source, String id) {}
}
