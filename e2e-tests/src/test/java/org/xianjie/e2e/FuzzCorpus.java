package org.xianjie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.xianjie.localinfra.Services;

/**
 * A seeded corpus of hostile requests generated from the services' OpenAPI documents, so every
 * endpoint, including ones added later, is covered without writing a test for it. Every write in
 * the corpus is invalid by construction (a control character, a duplicate key, a wrong JSON type,
 * an out-of-range number, an unknown field, malformed or oversized JSON, a wrong content type or a
 * bad token); reads vary their query and path parameters. Each request says what it is, so a
 * failure names the seed, the index and the mutation.
 */
final class FuzzCorpus {

    /** One request to send. {@code chunked}: send the body with Transfer-Encoding: chunked over a raw socket. */
    record Fuzz(
            int index,
            Services service,
            String method,
            String path,
            String contentType,
            byte[] body,
            String token,
            Map<String, String> headers,
            boolean chunked,
            boolean write,
            String what) {
        String describe() {
            return "#" + index + " " + service + " " + method + " " + abbreviate(path) + " [" + what + "]";
        }
    }

    record Operation(Services service, String method, String path, JsonNode operation, JsonNode document) {}

    static final String[] CONTROLS = {
        "\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b", "\u001f", "\u007f", "\u0085",
        "\u009b", "\ud800", "\udfff"
    };
    static final String[] QUERY_VALUES = {
        "%00",
        "%01",
        "a%00b",
        "%7F",
        "%C2%85",
        "%0D%0AX-Injected:%201",
        "%ED%A0%80",
        "99999999999999999999",
        "-1",
        "-2147483649",
        "2147483648",
        "1e400",
        "NaN",
        "0x10",
        "",
        "%25",
        "..%2F..%2Fetc",
        "'%20OR%201=1--",
        "%3Cscript%3E",
        "%E5%A4%A9%E6%B4%A5",
        "true",
        "null",
        "[]",
        "%7B%7D"
    };
    static final String[] EXTREME_NUMBERS = {
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "-9223372036854775809",
        "9223372036854775808",
        "1.00000000000000000000000000001e-400",
        "-0.000000000000000000000000000001",
        "4294967296",
        "-2147483649"
    };

    private final Random random;
    // Everything beyond ASCII is written escaped, so lone surrogates and C1 controls reach the server as sent.
    private final ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private final Map<Services, Map<String, String>> witnesses;
    private final Function<String, String> validToken;
    private final List<String> badTokens;
    private final long maxBody;
    private final List<Fuzz> requests = new ArrayList<>();

    FuzzCorpus(
            long seed,
            Map<Services, Map<String, String>> witnesses,
            Function<String, String> validToken,
            List<String> badTokens,
            long maxBody) {
        this.random = new Random(seed);
        this.witnesses = witnesses;
        this.validToken = validToken;
        this.badTokens = badTokens;
        this.maxBody = maxBody;
    }

    List<Fuzz> requests() {
        return requests;
    }

    static List<Operation> operations(Services service, JsonNode document) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    ops.add(new Operation(
                            service, method.getKey().toUpperCase(), path.getKey(), method.getValue(), document));
                }
            }
        }
        return ops;
    }

    // ---- generation ------------------------------------------------------------------------------------------

    void add(Operation op, int count) {
        boolean write = !op.method().equals("GET");
        for (int i = 0; i < count; i++) {
            if (write) {
                addWrite(op);
            } else {
                addRead(op);
            }
        }
    }

    private String agencyFor(Operation op) {
        return switch (op.service()) {
            case CASE -> "TJ-AMR";
            case REFERRAL -> random.nextBoolean() ? "TJ-AMR" : "TJ-PROC";
            case NOTIFICATION -> "TJ-PSB";
        };
    }

    private void addRead(Operation op) {
        String path = fillPath(op, random.nextInt(4) == 0);
        StringBuilder query = new StringBuilder();
        String what = "query";
        for (JsonNode p : parameters(op, "query")) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            query.append(query.isEmpty() ? "?" : "&")
                    .append(p.path("name").asText())
                    .append('=')
                    .append(queryValue(p.path("name").asText()));
        }
        if (query.isEmpty()) {
            query.append("?zz=").append(pick(QUERY_VALUES));
            what = "unknown query";
        }
        String token = validToken.apply(agencyFor(op));
        if (random.nextInt(6) == 0 || streams(op)) {
            // A stream accepted with a good token would never end; streams get bad tokens only.
            token = pick(badTokens);
            what += "+bad token";
        }
        Map<String, String> headers = Map.of();
        if (random.nextInt(8) == 0) {
            headers = Map.of("Accept", pick(new String[] {"text/csv", "application/xml", "image/png", "*/*"}));
            what += "+accept";
        }
        requests.add(new Fuzz(
                requests.size(), op.service(), "GET", path + query, null, null, token, headers, false, false, what));
    }

    /** Whether the operation answers with a server-sent event stream. */
    private static boolean streams(Operation op) {
        return op.operation().path("responses").toString().contains("text/event-stream")
                || op.path().endsWith("/stream");
    }

    private String queryValue(String name) {
        if (name.equals("cursor") || name.equals("after") || name.equals("before")) {
            return pick(new String[] {
                "!!!",
                "AAAA",
                base64url("{\"t\":\"x\"}"),
                base64url("\u0000\u0001"),
                base64url("{\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"not-a-uuid\"}"),
                "%00",
                base64url("x".repeat(3000)),
                "eyJ",
                base64url("[1,2,3]"),
                base64url("{\"id\":1e400}")
            });
        }
        if (random.nextInt(12) == 0) {
            return "a".repeat(3000);
        }
        return pick(QUERY_VALUES);
    }

    private static String base64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private void addWrite(Operation op) {
        JsonNode schema = bodySchema(op);
        String contentType = bodyContentType(op);
        boolean cloudEvents = contentType != null && contentType.startsWith("application/cloudevents");
        JsonNode base =
                cloudEvents ? cloudEvent(contentType) : schema == null ? null : example(op.document(), schema, 0);
        boolean freeForm = schema != null && !cloudEvents && !schema.has("properties") && !schema.has("$ref");
        String path = fillPath(op, false);
        String token = validToken.apply(agencyFor(op));
        int kind = random.nextInt(100);
        String what;
        byte[] body;
        String type = contentType == null ? "application/json" : contentType;
        boolean chunked = false;
        if (base == null || kind < 8) {
            // No body, or the token is what is wrong: every write must be refused without one.
            token = pick(badTokens);
            what = "bad token";
            body = base == null ? null : bytes(base.toString());
        } else if (kind < 30) {
            JsonNode mutated = base.deepCopy();
            String where = setRandomString(mutated, "x" + pick(CONTROLS) + "y", true);
            what = "control character at " + where;
            body = bytes(where.equals("none") ? duplicateKey(base) : write(mutated));
        } else if (kind < 45) {
            what = "duplicate key";
            body = bytes(duplicateKey(base));
        } else if (kind < 62 && !freeForm) {
            JsonNode mutated = base.deepCopy();
            String where = wrongType(mutated);
            what = "wrong type at " + where;
            body = bytes(where.equals("none") ? duplicateKey(base) : write(mutated));
        } else if (kind < 70 && !freeForm) {
            JsonNode mutated = base.deepCopy();
            String where = extremeNumber(mutated);
            what = "extreme number at " + where;
            body = bytes(
                    where.equals("none")
                            ? duplicateKey(base)
                            : write(mutated).replace("\"__EXTREME__\"", pick(EXTREME_NUMBERS)));
        } else if (kind < 76 && !freeForm && !cloudEvents && base.isObject()) {
            ObjectNode mutated = (ObjectNode) base.deepCopy();
            mutated.put("zzUnknownField", "x");
            what = "unknown field";
            body = bytes(write(mutated));
        } else if (kind < 88) {
            String json = write(base);
            String[] broken = {
                json.substring(0, Math.max(1, json.length() / 2)),
                json + "}",
                json + " []",
                "{",
                "{\"a\":NaN}",
                "{'a':1}",
                "[".repeat(5000) + "]".repeat(5000),
                "\"just a string\"",
                json.replaceFirst(":", ""),
                "{\"a\":\"\\u00\"}",
                "\u0000",
                "{\"a\":1,}"
            };
            body = bytes(pick(broken));
            what = "malformed JSON";
        } else if (kind < 93) {
            type = pick(new String[] {
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1x"
            });
            body = bytes(write(base));
            what = "content type " + type;
            if (type.startsWith("application/json")) {
                // The charset is invalid; keep a second definite fault so nothing can be stored.
                body = bytes(duplicateKey(base));
                what += "+duplicate key";
            }
        } else if (kind < 97) {
            ObjectNode padded = JsonNodeFactory.instance.objectNode();
            padded.put("padding", "x".repeat((int) maxBody + 1024));
            body = bytes(padded.toString());
            what = "oversized body";
        } else {
            chunked = true;
            if (random.nextBoolean()) {
                ObjectNode padded = JsonNodeFactory.instance.objectNode();
                padded.put("padding", "x".repeat((int) maxBody + 1024));
                body = bytes(padded.toString());
                what = "chunked oversized body";
            } else {
                JsonNode mutated = base.deepCopy();
                String where = setRandomString(mutated, pick(CONTROLS), true);
                what = "chunked, control character at " + where;
                body = bytes(where.equals("none") ? duplicateKey(base) : write(mutated));
            }
        }
        requests.add(new Fuzz(
                requests.size(),
                op.service(),
                op.method(),
                path,
                body == null ? null : type,
                body,
                token,
                Map.of(),
                chunked,
                true,
                what));
    }

    /** A structured CloudEvent (or a batch) of the caller's agency whose data is a plausible case command. */
    private JsonNode cloudEvent(String contentType) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/agencies/TJ-AMR");
        event.put("type", pick(new String[] {
            "org.xianjie.case.opened.v1",
            "org.xianjie.case.facts-recorded.v1",
            "org.xianjie.case.penalty-decided.v1",
            "org.xianjie.case.closed.v1"
        }));
        event.put("subject", "津市监处〔2026〕" + random.nextInt(100000) + "号");
        event.put("time", "2026-03-02T10:00:00Z");
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("caseNumber", event.path("subject").asText());
        data.put("category", "TRADEMARK");
        data.put("title", "销售假冒注册商标的商品");
        data.put("openedOn", "2026-03-02");
        if (contentType.contains("batch")) {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            batch.add(event);
            ObjectNode second = event.deepCopy();
            second.put("id", UUID.randomUUID().toString());
            batch.add(second);
            return batch;
        }
        return event;
    }

    private String fillPath(Operation op, boolean hostile) {
        String path = op.path();
        for (JsonNode p : parameters(op, "path")) {
            String name = p.path("name").asText();
            String value;
            if (hostile) {
                value = pick(new String[] {
                    "%00",
                    "not-a-uuid",
                    "..%2F..",
                    "%C2%85",
                    "9".repeat(400),
                    "%E2%80%AE",
                    UUID.randomUUID().toString(),
                    "-1",
                    "%20"
                });
            } else {
                value = pathValue(op, name, p.path("schema"));
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private String pathValue(Operation op, String name, JsonNode schema) {
        JsonNode resolved = resolve(op.document(), schema);
        if (resolved.has("enum")) {
            return resolved.path("enum")
                    .get(random.nextInt(resolved.path("enum").size()))
                    .asText();
        }
        if (name.equals("step")) {
            return pick(new String[] {"APPROVE", "SEND", "RECEIVE", "FILE", "DECLINE", "REFUSE", "NOPE"});
        }
        if (name.equals("year")) {
            return "2099";
        }
        String witness = witnesses.getOrDefault(op.service(), Map.of()).get(name);
        if (witness != null && random.nextInt(4) != 0) {
            return witness;
        }
        if ("integer".equals(resolved.path("type").asText())) {
            return Integer.toString(random.nextInt(1000));
        }
        return UUID.randomUUID().toString();
    }

    private static List<JsonNode> parameters(Operation op, String in) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode p : op.operation().path("parameters")) {
            if (in.equals(p.path("in").asText())) {
                list.add(p);
            }
        }
        return list;
    }

    private static JsonNode bodySchema(Operation op) {
        JsonNode content = op.operation().path("requestBody").path("content");
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        JsonNode first = content.elements().next();
        return first.path("schema").isMissingNode() ? JsonNodeFactory.instance.objectNode() : first.path("schema");
    }

    private String bodyContentType(Operation op) {
        JsonNode content = op.operation().path("requestBody").path("content");
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        return types.get(random.nextInt(types.size()));
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText();
            s = document.at(ref.substring(1));
        }
        if (s.has("allOf") && s.path("allOf").size() > 0) {
            return resolve(document, s.path("allOf").get(0));
        }
        if (s.has("oneOf") && s.path("oneOf").size() > 0) {
            return resolve(document, s.path("oneOf").get(0));
        }
        return s;
    }

    /** A plausible value for {@code schema}: its example if it has one, else one built from its type. */
    private JsonNode example(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.has("example") && !s.path("example").isTextual() || s.has("example") && depth > 0) {
            JsonNode ex = s.path("example");
            if (ex.isTextual() && (s.path("type").asText().equals("object") || s.has("properties"))) {
                try {
                    return mapper.readTree(ex.asText());
                } catch (Exception e) {
                    // fall through to building one
                }
            } else {
                return ex;
            }
        }
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object": {
                ObjectNode o = f.objectNode();
                if (depth < 5) {
                    s.path("properties")
                            .fields()
                            .forEachRemaining(e -> o.set(e.getKey(), example(document, e.getValue(), depth + 1)));
                }
                if (o.isEmpty()) {
                    o.put("note", "说明");
                }
                return o;
            }
            case "array": {
                ArrayNode a = f.arrayNode();
                if (depth < 5) {
                    a.add(example(document, s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer":
                return f.numberNode(1);
            case "number":
                return f.numberNode(1.5);
            case "boolean":
                return f.booleanNode(true);
            default:
                String format = s.path("format").asText();
                return switch (format) {
                    case "uuid" -> f.textNode(UUID.randomUUID().toString());
                    case "date" -> f.textNode("2026-03-02");
                    case "date-time" -> f.textNode("2026-03-02T10:00:00Z");
                    default -> f.textNode("文本");
                };
        }
    }

    // ---- mutations -------------------------------------------------------------------------------------------

    /** Sets a random string leaf (adding one to an object if there is none) to {@code value}; returns its path. */
    private String setRandomString(JsonNode root, String value, boolean addIfNone) {
        List<String[]> leaves = new ArrayList<>();
        collect(root, "", leaves, n -> n.isTextual());
        if (leaves.isEmpty()) {
            JsonNode target = root.isArray() && root.size() > 0 ? root.get(0) : root;
            if (target.isObject()) {
                ((ObjectNode) target).put("note", value);
                return "note (added)";
            }
            return "none";
        }
        String[] leaf = leaves.get(random.nextInt(leaves.size()));
        replace(root, leaf[0], JsonNodeFactory.instance.textNode(value));
        return leaf[0];
    }

    private String wrongType(JsonNode root) {
        List<String[]> leaves = new ArrayList<>();
        collect(root, "", leaves, n -> !n.isContainerNode() || n.isArray());
        if (leaves.isEmpty()) {
            return "none";
        }
        String[] leaf = leaves.get(random.nextInt(leaves.size()));
        JsonNode current = at(root, leaf[0]);
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode replacement;
        if (current.isTextual()) {
            replacement = pick(new JsonNode[] {
                f.numberNode(123),
                f.booleanNode(true),
                f.arrayNode().add("a"),
                f.objectNode().put("a", 1),
                f.numberNode(1.5)
            });
        } else if (current.isNumber()) {
            replacement = pick(new JsonNode[] {
                f.textNode("100"), f.booleanNode(false), f.arrayNode().add(1), f.objectNode(), f.textNode("")
            });
        } else if (current.isBoolean()) {
            replacement = pick(new JsonNode[] {f.textNode("true"), f.numberNode(1), f.arrayNode()});
        } else if (current.isArray()) {
            replacement = current.size() > 0 && current.get(0).isTextual()
                    ? pick(new JsonNode[] {
                        f.textNode("a"), f.objectNode(), f.arrayNode().add(1).add(2)
                    })
                    : pick(new JsonNode[] {f.textNode("a"), f.objectNode(), f.numberNode(3)});
        } else {
            replacement = f.arrayNode().add(f.objectNode());
        }
        replace(root, leaf[0], replacement);
        return leaf[0];
    }

    private String extremeNumber(JsonNode root) {
        List<String[]> leaves = new ArrayList<>();
        collect(root, "", leaves, JsonNode::isNumber);
        if (leaves.isEmpty()) {
            collect(root, "", leaves, n -> !n.isContainerNode());
        }
        if (leaves.isEmpty()) {
            return "none";
        }
        String[] leaf = leaves.get(random.nextInt(leaves.size()));
        // Numbers beyond what a double or long can hold cannot be built as nodes: a marker is replaced in the text.
        replace(root, leaf[0], JsonNodeFactory.instance.textNode("__EXTREME__"));
        return leaf[0];
    }

    /** The JSON text of {@code node} with one of its keys written twice. */
    private String duplicateKey(JsonNode node) {
        List<String[]> objects = new ArrayList<>();
        collect(node, "", objects, n -> n.isObject() && n.size() > 0);
        if (node.isObject() && node.size() > 0) {
            objects.add(new String[] {""});
        }
        if (objects.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String[] target = objects.get(random.nextInt(objects.size()));
        JsonNode copy = node.deepCopy();
        if (!(at(node, target[0]) instanceof ObjectNode object)
                || !(at(copy, target[0]) instanceof ObjectNode copyObject)) {
            return "{\"a\":1,\"a\":2}";
        }
        String key = object.fieldNames().next();
        String marker = "__DUPLICATE_" + random.nextInt(1_000_000) + "__";
        copyObject.set(marker, object.get(key));
        String text = write(copy);
        return text.replace("\"" + marker + "\"", mapper.valueToTree(key).toString());
    }

    private void collect(JsonNode node, String path, List<String[]> out, java.util.function.Predicate<JsonNode> take) {
        if (!path.isEmpty() && take.test(node)) {
            out.add(new String[] {path});
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "/" + escape(e.getKey()), out, take));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out, take);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode at(JsonNode root, String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = at(root, pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
