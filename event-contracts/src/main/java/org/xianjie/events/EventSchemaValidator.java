package org.xianjie.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event's data against the schema its {@code dataschema} names, loaded from this module's
 * class path (the {@code $id} URLs are mapped onto {@link EventSchemas#RESOURCE_FOLDER}, nothing is
 * fetched). Formats ({@code uuid}, {@code date-time}, {@code date}) are asserted, not just noted.
 * Used by the tests; needs com.networknt:json-schema-validator on the class path.
 */
public final class EventSchemaValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    mappers -> mappers.mapPrefix(EventSchemas.BASE, "classpath:" + EventSchemas.RESOURCE_FOLDER)));
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<URI, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** The problems of {@code data} against the schema at {@code dataschema}; empty when it conforms. */
    public List<String> problems(URI dataschema, JsonNode data) {
        if (!dataschema.toString().startsWith(EventSchemas.BASE)) {
            return List.of(
                    "dataschema " + dataschema + " is not one of the suite's schemas (" + EventSchemas.BASE + ")");
        }
        String resource = EventSchemas.RESOURCE_FOLDER + dataschema.toString().substring(EventSchemas.BASE.length());
        if (EventSchemaValidator.class.getClassLoader().getResource(resource) == null) {
            return List.of("no schema " + resource + " in event-contracts for dataschema " + dataschema
                    + " (docs/events.md, Adding an event type)");
        }
        JsonSchema schema = schemas.computeIfAbsent(
                dataschema, uri -> factory.getSchema(SchemaLocation.of(uri.toString()), config));
        return schema.validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The problems of {@code data} as the data of an event of {@code type}. */
    public List<String> problemsAs(String type, JsonNode data) {
        return problems(EventSchemas.uriOf(type), data);
    }
}
