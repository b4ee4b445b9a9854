package org.xianjie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xianjie.localinfra.TopicReader.header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.xianjie.events.EventSchemaValidator;

/** Real records off the topic conform to the schema their {@code ce_dataschema} names (event-contracts). */
final class EventSchemaCheck {

    private static final EventSchemaValidator VALIDATOR = new EventSchemaValidator();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSchemaCheck() {}

    static void assertConforms(List<ConsumerRecord<String, String>> records) {
        assertThat(records).isNotEmpty().allSatisfy(EventSchemaCheck::assertConforms);
    }

    static void assertConforms(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String dataschema = header(record, "ce_dataschema");
        assertThat(dataschema)
                .as("ce_dataschema of %s", header(record, "ce_type"))
                .isNotNull();
        assertThat(VALIDATOR.problems(URI.create(dataschema), MAPPER.readTree(record.value())))
                .as("%s: %s", header(record, "ce_type"), record.value())
                .isEmpty();
    }
}
