package org.xianjie.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The HTTPRoutes of deploy/ as a table that answers "which Service does this request reach?" with
 * Gateway API semantics: Exact beats PathPrefix, the longest prefix wins, a prefix matches whole
 * path segments, a rule or match without a path matches "/". Regular expressions are
 * implementation-specific in Gateway API and so is their precedence: wherever one matches, every
 * other matching rule must lead to the same Service, or the answer is {@link Ambiguous}. The local
 * {@link Edge} routes by it, and the e2e route coverage test checks deploy/ with it, so the two
 * cannot read the routes differently.
 */
public final class RouteTable {

    /** One path match of an HTTPRoute rule ({@code httpRoute} names it), and the Service its rule sends to. */
    public record Route(String httpRoute, String type, String value, String method, String backend, int port) {

        public boolean matches(String path, String requestMethod) {
            if (method != null && !method.equalsIgnoreCase(requestMethod)) {
                return false;
            }
            return switch (type) {
                case "Exact" -> path.equals(value);
                case "PathPrefix" -> {
                    // Whole segments: /api/v1/cases matches /api/v1/cases and /api/v1/cases/x, not /api/v1/casesx.
                    String prefix =
                            value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                    yield prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
                }
                case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
                default -> false;
            };
        }

        @Override
        public String toString() {
            return httpRoute + " " + type + " " + value + (method == null ? "" : " " + method) + " -> " + backend + ":"
                    + port;
        }
    }

    /** Rules that match a request equally well lead to different Services: the result depends on the implementation. */
    public static final class Ambiguous extends RuntimeException {
        Ambiguous(String message) {
            super(message);
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The HTTPRoutes of a Gateway manifest file (e.g. deploy/base/gateway.yaml). */
    public static RouteTable read(Path gatewayYaml) {
        ObjectMapper yaml = new YAMLMapper();
        RouteTable table;
        try (var parser = new YAMLFactory().createParser(Files.readString(gatewayYaml))) {
            table = of(yaml.readValues(parser, JsonNode.class).readAll());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routes of " + gatewayYaml, e);
        }
        if (table.routes.isEmpty()) {
            throw new IllegalStateException("no HTTPRoute in " + gatewayYaml);
        }
        return table;
    }

    /** The HTTPRoutes among Kubernetes objects (others are passed over); each rule's first backend. */
    public static RouteTable of(List<JsonNode> objects) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode o : objects) {
            if (o == null || !"HTTPRoute".equals(o.path("kind").asText())) {
                continue;
            }
            String name = o.path("metadata").path("name").asText();
            for (JsonNode rule : o.path("spec").path("rules")) {
                JsonNode backend = rule.path("backendRefs").path(0);
                String service = backend.path("name").asText();
                int port = backend.path("port").asInt();
                if (rule.path("matches").isEmpty()) {
                    // Gateway API: a rule without matches matches every path ("/" prefix).
                    routes.add(new Route(name, "PathPrefix", "/", null, service, port));
                }
                for (JsonNode m : rule.path("matches")) {
                    routes.add(new Route(
                            name,
                            m.path("path").path("type").asText("PathPrefix"),
                            m.path("path").path("value").asText("/"),
                            m.hasNonNull("method") ? m.get("method").asText() : null,
                            service,
                            port));
                }
            }
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The rule a request reaches, or null when none matches (the Gateway's 404).
     *
     * @throws Ambiguous where a regular expression matches and the matching rules disagree on the
     *     backend, or equally specific rules do
     */
    public Route route(String path, String method) {
        List<Route> candidates =
                routes.stream().filter(r -> r.matches(path, method)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.stream().anyMatch(r -> r.type().equals("RegularExpression"))) {
            if (backends(candidates) > 1) {
                throw new Ambiguous(
                        method + " " + path + ": a regular expression matches and the matching rules " + candidates
                                + " disagree on the backend, so the result depends on the implementation's ranking");
            }
            return candidates.get(0);
        }
        List<Route> best =
                candidates.stream().filter(r -> r.type().equals("Exact")).toList();
        if (best.isEmpty()) {
            int longest =
                    candidates.stream().mapToInt(r -> r.value().length()).max().orElseThrow();
            best = candidates.stream()
                    .filter(r -> r.value().length() == longest)
                    .toList();
        }
        if (backends(best) > 1) {
            throw new Ambiguous(
                    method + " " + path + ": equally specific rules " + best + " lead to different backends");
        }
        return best.get(0);
    }

    private static long backends(List<Route> routes) {
        return routes.stream().map(r -> r.backend() + ":" + r.port()).distinct().count();
    }
}
