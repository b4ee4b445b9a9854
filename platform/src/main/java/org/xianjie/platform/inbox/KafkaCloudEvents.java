package org.xianjie.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.KafkaHeaders;

/** Reads a CloudEvent from a Kafka record in the binary content mode of the Kafka protocol binding. */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {}

    public static CloudEvent fromRecord(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        Headers headers = record.headers();
        String id = required(headers, KafkaHeaders.ID);
        String source = required(headers, KafkaHeaders.SOURCE);
        String type = required(headers, KafkaHeaders.TYPE);
        String specVersion = header(headers, KafkaHeaders.SPEC_VERSION);
        if (specVersion != null && !CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("unsupported CloudEvents spec version " + specVersion);
        }
        String time = header(headers, KafkaHeaders.TIME);
        JsonNode data;
        try {
            data = record.value() == null ? null : mapper.readTree(record.value());
        } catch (IOException e) {
            throw new InvalidEventException("event " + id + " carries data that is not JSON", e);
        }
        try {
            return new CloudEvent(
                    CloudEvent.SPEC_VERSION,
                    id,
                    source,
                    type,
                    header(headers, KafkaHeaders.SUBJECT),
                    time == null ? null : OffsetDateTime.parse(time),
                    CloudEvent.JSON,
                    header(headers, KafkaHeaders.DATA_SCHEMA),
                    data);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("event " + id + " has an unreadable time " + time, e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("record has no " + name + " header: not a CloudEvent");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
