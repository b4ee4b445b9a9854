package org.xianjie.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * One JSON reading policy for every service: wrong JSON types are refused instead of guessed
 * ({@code "fine": "100"}, {@code "copies": 1.5}, {@code "title": 12}, {@code "caseTeam": [1, 2]}),
 * duplicate keys and trailing tokens are errors, and text may not carry control characters.
 * Every failure is a Jackson exception with the field's path, which {@code ProblemMappers} turns
 * into a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        CoercionInputShape[] scalars = {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        };
        for (CoercionInputShape shape : scalars) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);

        SimpleModule text = new SimpleModule("xianjie-strict-text");
        text.addDeserializer(String.class, new CleanString());
        text.addDeserializer(JsonNode.class, new CleanTree<>(JsonNode.class));
        text.addDeserializer(ObjectNode.class, new CleanTree<>(ObjectNode.class));
        mapper.registerModule(text);
    }

    /**
     * The first character of {@code s} that text in a JSON body may not carry, or -1. Line feed,
     * carriage return and tab are allowed because free-text fields (facts, reasons, notes) are
     * multi-line; every other C0 control, DEL, the C1 controls and unpaired surrogates are refused:
     * PostgreSQL cannot store NUL, and the rest only hide or forge what a reader sees.
     */
    public static int forbiddenInBody(CharSequence s) {
        return forbidden(s, true);
    }

    /** As {@link #forbiddenInBody} for query and path parameters and headers, where no control is allowed. */
    public static int forbiddenInParameter(CharSequence s) {
        return forbidden(s, false);
    }

    private static int forbidden(CharSequence s, boolean allowLineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (!(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                    return i;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A human-readable message for the character at {@code index}: {@code control character U+0000 at position 1}. */
    public static String describe(CharSequence s, int index) {
        char c = s.charAt(index);
        String what = Character.isSurrogate(c) ? "unpaired surrogate" : "control character";
        return what + " U+" + String.format("%04X", (int) c) + " at position " + (index + 1) + " is not allowed";
    }

    /** The refusal of a text value; a {@link JsonMappingException} so Jackson records the field's path. */
    public static final class ForbiddenText extends JsonMappingException {
        private final String innerPath;

        ForbiddenText(JsonParser parser, String innerPath, String message) {
            super(parser, message);
            this.innerPath = innerPath;
        }

        /** Where inside a tree-valued field the text was found ({@code data.title}), or empty. */
        public String innerPath() {
            return innerPath;
        }
    }

    private static final class CleanString extends StdScalarDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null) {
                int bad = forbiddenInBody(value);
                if (bad >= 0) {
                    throw new ForbiddenText(p, "", describe(value, bad));
                }
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Trees (CloudEvents, free-form grounds) get the same text check, every key and string value. */
    private static final class CleanTree<T extends JsonNode> extends JsonDeserializer<T> {
        private final Class<T> type;

        CleanTree(Class<T> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node =
                    (JsonNode) JsonNodeDeserializer.getDeserializer(type).deserialize(p, ctxt);
            StringBuilder path = new StringBuilder();
            String problem = check(node, path);
            if (problem != null) {
                throw new ForbiddenText(p, path.toString(), problem);
            }
            return (T) node;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return (T) JsonNodeDeserializer.getDeserializer(type).getNullValue(ctxt);
        }

        /** The refusal of the first bad text in {@code node}, leaving its path in {@code path}; null if clean. */
        private static String check(JsonNode node, StringBuilder path) {
            if (node.isTextual()) {
                int bad = forbiddenInBody(node.textValue());
                return bad < 0 ? null : describe(node.textValue(), bad);
            }
            int mark = path.length();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.append('[').append(i).append(']');
                    String problem = check(node.get(i), path);
                    if (problem != null) {
                        return problem;
                    }
                    path.setLength(mark);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                node.properties().iterator();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    int bad = forbiddenInParameter(field.getKey());
                    if (bad >= 0) {
                        return "key: " + describe(field.getKey(), bad);
                    }
                    path.append(mark > 0 ? "." : "").append(field.getKey());
                    String problem = check(field.getValue(), path);
                    if (problem != null) {
                        return problem;
                    }
                    path.setLength(mark);
                }
            }
            return null;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
