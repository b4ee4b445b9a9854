package org.xianjie.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.xianjie.events.CloudEvent;

class KafkaCloudEventsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void recordWithCloudEventHeadersIsReadAsAnEvent() {
        RecordHeaders headers = headers(
                "ce_id",
                "e-1",
                "ce_source",
                "/xianjie/case-service",
                "ce_type",
                "org.xianjie.case.opened.v1",
                "ce_specversion",
                "1.0",
                "ce_time",
                "2026-03-02T08:00:00Z",
                "ce_subject",
                "cases/c-1");
        CloudEvent event = KafkaCloudEvents.fromRecord(record(headers, "{\"caseId\":\"c-1\",\"future\":1}"), mapper);

        assertEquals("e-1", event.id());
        assertEquals("/xianjie/case-service", event.source());
        assertEquals("org.xianjie.case.opened.v1", event.type());
        assertEquals("cases/c-1", event.subject());
        assertEquals(OffsetDateTime.parse("2026-03-02T08:00:00Z"), event.time());
        assertEquals("c-1", event.data().get("caseId").asText());
    }

    @Test
    void recordWithoutAnIdIsNotACloudEvent() {
        RecordHeaders headers = headers("ce_source", "/x", "ce_type", "t");
        InvalidEventException e = assertThrows(
                InvalidEventException.class, () -> KafkaCloudEvents.fromRecord(record(headers, "{}"), mapper));
        assertTrue(e.getMessage().contains("ce_id"));
    }

    @Test
    void recordWhoseDataIsNotJsonIsRejectedWithItsId() {
        RecordHeaders headers = headers("ce_id", "e-2", "ce_source", "/x", "ce_type", "t");
        InvalidEventException e = assertThrows(
                InvalidEventException.class, () -> KafkaCloudEvents.fromRecord(record(headers, "{not json"), mapper));
        assertTrue(e.getMessage().contains("e-2"));
    }

    @Test
    void otherSpecVersionsAreRefused() {
        RecordHeaders headers = headers("ce_id", "e-3", "ce_source", "/x", "ce_type", "t", "ce_specversion", "0.3");
        assertThrows(InvalidEventException.class, () -> KafkaCloudEvents.fromRecord(record(headers, "{}"), mapper));
    }

    private static RecordHeaders headers(String... pairs) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static ConsumerRecord<String, String> record(RecordHeaders headers, String value) {
        return new ConsumerRecord<>(
                "t",
                0,
                0L,
                0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                0,
                "key",
                value,
                headers,
                java.util.Optional.empty());
    }
}
