package org.xianjie.referral.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading helpers shared by the rule-data parsers.
 *
 * <p>Strict on purpose: operators edit these files by hand, and a misspelt field that is silently
 * ignored would change a deadline or a threshold without anyone noticing.
 */
public final class RuleJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleJson() {}

    /** Reads one JSON document and closes the stream. */
    public static JsonNode read(InputStream in, String what) {
        try (InputStream stream = in) {
            JsonNode root = MAPPER.readTree(stream);
            if (root == null || root.isMissingNode()) {
                throw new RuleDataException(what + ": empty document");
            }
            return root;
        } catch (IOException e) {
            throw new RuleDataException(what + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Rejects any field not in {@code allowed}. */
    public static void onlyFields(JsonNode object, String where, Set<String> allowed) {
        if (!object.isObject()) {
            throw new RuleDataException(where + ": expected an object");
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new RuleDataException(where + ": unknown field '" + name + "', expected one of " + allowed);
            }
        }
    }

    public static JsonNode required(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new RuleDataException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    public static String text(JsonNode object, String field, String where) {
        JsonNode value = required(object, field, where);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new RuleDataException(where + ": '" + field + "' must be a non-blank string");
        }
        return value.asText();
    }

    public static String optionalText(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(object, field, where);
    }

    public static int integer(JsonNode object, String field, String where) {
        JsonNode value = required(object, field, where);
        if (!value.isInt()) {
            throw new RuleDataException(where + ": '" + field + "' must be an integer");
        }
        return value.intValue();
    }

    public static Integer optionalInteger(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return integer(object, field, where);
    }

    public static boolean flag(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new RuleDataException(where + ": '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    public static BigDecimal decimal(JsonNode object, String field, String where) {
        JsonNode value = required(object, field, where);
        if (!value.isNumber()) {
            throw new RuleDataException(where + ": '" + field + "' must be a number");
        }
        return value.decimalValue();
    }

    public static JsonNode array(JsonNode object, String field, String where) {
        JsonNode value = required(object, field, where);
        if (!value.isArray()) {
            throw new RuleDataException(where + ": '" + field + "' must be an array");
        }
        return value;
    }

    public static LocalDate date(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new RuleDataException(where + ": expected a date as \"YYYY-MM-DD\", got " + node);
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new RuleDataException(where + ": not a date \"YYYY-MM-DD\": " + node.asText(), e);
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new RuleDataException(where + ": unknown " + type.getSimpleName() + " '" + name + "'", e);
        }
    }
}
