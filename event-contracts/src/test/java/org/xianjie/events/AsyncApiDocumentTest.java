package org.xianjie.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document describes every registered event type, on its producer's topic. */
class AsyncApiDocumentTest {

    @Test
    void everyEventSchemaIsTheRegisteredPayloadOfAMessageOnItsProducersTopic() throws IOException {
        JsonNode doc = read();
        Map<String, String> topicOfSchema = new HashMap<>();
        doc.path("channels")
                .forEach(channel -> channel.path("messages").forEach(ref -> {
                    String name = ref.path("$ref").asText().replace("#/components/messages/", "");
                    JsonNode message = doc.path("components").path("messages").path(name);
                    String schema =
                            message.path("payload").path("schema").path("$ref").asText();
                    assertEquals(
                            "./" + EventSchemas.RESOURCE_FOLDER
                                    + message.path("name").asText() + ".json",
                            schema,
                            "message " + name + " names its schema");
                    topicOfSchema.put(
                            message.path("name").asText(),
                            channel.path("address").asText());
                }));
        Set<String> missing = new TreeSet<>();
        for (String type : EventTypes.all()) {
            String topic = topicOfSchema.get(EventSchemas.nameOf(type));
            if (topic == null) {
                missing.add(type);
            } else {
                assertEquals(
                        type.startsWith("org.xianjie.case.")
                                ? Topics.CASE_EVENTS
                                : type.startsWith("org.xianjie.integrity.")
                                        ? Topics.INTEGRITY_CHECKPOINTS
                                        : Topics.REFERRAL_EVENTS,
                        topic,
                        type);
            }
        }
        assertEquals(Set.of(), missing, "event types without a message in asyncapi.yaml");
    }

    @Test
    void theDocumentIsAsyncApiThreeWithTheSuitesTopics() throws IOException {
        JsonNode doc = read();
        assertTrue(
                doc.path("asyncapi").asText().startsWith("3."),
                doc.path("asyncapi").asText());
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertTrue(
                addresses.containsAll(Set.of(
                        Topics.CASE_EVENTS,
                        Topics.REFERRAL_EVENTS,
                        Topics.deadLetter("case-service"),
                        Topics.deadLetter("referral-service"),
                        Topics.deadLetter("notification-service"))),
                addresses.toString());
    }

    private static JsonNode read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml");
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
