package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xianjie.localinfra.RouteTable;

/**
 * What an operator checks at the edge, without a cluster: every operation of the three services'
 * OpenAPI documents reaches the service that serves it through the HTTPRoutes of deploy/, the
 * console's files reach notification-service, and nothing under /q (health, metrics, OpenAPI) is
 * routed at all. Routing follows Gateway API semantics: Exact beats PathPrefix, the longest prefix
 * wins, a prefix matches whole path segments, a rule or match without a path matches "/". Regular
 * expressions are implementation-specific in Gateway API and so is their precedence: wherever one
 * matches, every other matching rule must lead to the same Service, so no ranking can misroute.
 */
class GatewayRouteCoverageTest {

    private static final List<String> SERVICES = List.of("case-service", "referral-service", "notification-service");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Served by every service for its own dead letters, so not routable by path: in-cluster only. */
    private static final List<String> IN_CLUSTER_ONLY = List.of("/api/v1/admin/dead-letters");

    private static final String SAMPLE_SEGMENT = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static RouteTable routes;
    /** Service name -> its ports, from the Services in deploy/base. */
    private static final Map<String, Set<Integer>> servicePorts = new HashMap<>();

    private static final List<JsonNode> gateways = new ArrayList<>();

    @BeforeAll
    static void readManifests() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("deploy/base"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("repository root with deploy/base above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("deploy"), FileVisitOption.FOLLOW_LINKS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(n -> n != null && n.has("kind"))
                            .forEach(objects::add);
                }
            }
        }
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            String name = o.path("metadata").path("name").asText();
            switch (kind) {
                case "Service" -> {
                    Set<Integer> ports = new java.util.HashSet<>();
                    o.path("spec")
                            .path("ports")
                            .forEach(p -> ports.add(p.path("port").asInt()));
                    servicePorts.put(name, ports);
                }
                case "Gateway" -> gateways.add(o);
                case "HTTPRoute" -> checkRoute(name, o);
                case "Ingress" -> fail("deploy/ still has an Ingress (" + name + "): the edge is Gateway API only");
                default -> {}
            }
        }
        assertThat(gateways).as("Gateway objects in deploy/").isNotEmpty();
        routes = RouteTable.of(objects);
        assertThat(routes.routes()).as("HTTPRoute matches in deploy/").isNotEmpty();
        for (RouteTable.Route r : routes.routes()) {
            assertThat(r.type())
                    .as("%s: path match type", r.httpRoute())
                    .isIn("Exact", "PathPrefix", "RegularExpression");
            if (r.type().equals("RegularExpression")) {
                // Anchored, so implementations that search and those that match whole paths agree.
                assertThat(r.value())
                        .as("%s: regular expression anchored with ^...$", r.httpRoute())
                        .startsWith("^")
                        .endsWith("$");
            }
        }
    }

    /** The shape the route table relies on: Gateway parents, one backend Service a rule. */
    private static void checkRoute(String name, JsonNode route) {
        for (JsonNode parent : route.path("spec").path("parentRefs")) {
            assertThat(parent.path("kind").asText("Gateway"))
                    .as("%s parentRef kind", name)
                    .isEqualTo("Gateway");
        }
        for (JsonNode rule : route.path("spec").path("rules")) {
            List<JsonNode> backends = new ArrayList<>();
            rule.path("backendRefs").forEach(backends::add);
            assertThat(backends)
                    .as("%s: every rule has exactly one backend Service", name)
                    .hasSize(1);
            assertThat(backends.get(0).path("kind").asText("Service"))
                    .as("%s backend kind", name)
                    .isEqualTo("Service");
        }
    }

    /** The rule a request reaches through deploy/'s routes, or null when none matches (the Gateway's 404). */
    static RouteTable.Route route(String path, String method) {
        return routes.route(path, method);
    }

    /** Every operation of each document, as (method, sample path), by service. */
    private static Map<String, List<String[]>> operations() throws IOException {
        Map<String, List<String[]>> byService = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path dir = root.resolve(service).resolve("target/openapi");
            Path yaml = dir.resolve("openapi.yaml");
            Path json = dir.resolve("openapi.json");
            JsonNode doc;
            if (Files.exists(yaml)) {
                doc = YAML.readTree(yaml.toFile());
            } else if (Files.exists(json)) {
                doc = JSON.readTree(json.toFile());
            } else {
                fail("No OpenAPI document of " + service + " in " + dir + ": the service's build writes it "
                        + "(quarkus.smallrye-openapi.store-schema-directory); build it first, e.g. "
                        + "./mvnw -pl e2e-tests -am verify");
                return byService;
            }
            List<String[]> ops = new ArrayList<>();
            doc.path("paths")
                    .properties()
                    .forEach(p -> p.getValue().properties().forEach(m -> {
                        if (METHODS.contains(m.getKey())) {
                            ops.add(new String[] {m.getKey().toUpperCase(Locale.ROOT), p.getKey()});
                        }
                    }));
            assertThat(ops).as("operations in %s's OpenAPI document", service).isNotEmpty();
            byService.put(service, ops);
        }
        return byService;
    }

    private static String sample(String template) {
        return template.replaceAll("\\{[^}/]+}", SAMPLE_SEGMENT);
    }

    private static boolean inClusterOnly(String path) {
        return IN_CLUSTER_ONLY.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Test
    void everyOperationOfEveryServiceReachesThatService() throws IOException {
        Map<String, List<String[]>> operations = operations();
        // Which documents declare each method + path: one declared by two services cannot be routed by path.
        Map<String, List<String>> declaredBy = new TreeMap<>();
        operations.forEach((service, ops) -> ops.forEach(op -> declaredBy
                .computeIfAbsent(op[0] + " " + op[1], k -> new ArrayList<>())
                .add(service)));
        List<String> problems = new ArrayList<>();
        int routed = 0;
        for (var entry : declaredBy.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            RouteTable.Route reached;
            try {
                reached = route(sample(template), method);
            } catch (RouteTable.Ambiguous e) {
                problems.add(e.getMessage());
                continue;
            }
            if (inClusterOnly(template)) {
                if (reached != null) {
                    problems.add(entry.getKey() + " is in-cluster only but routed by " + reached);
                }
                continue;
            }
            if (entry.getValue().size() > 1) {
                problems.add(entry.getKey() + " is declared by " + entry.getValue()
                        + ": not routable by path; make it in-cluster only or give each its own path");
                continue;
            }
            String service = entry.getValue().get(0);
            if (reached == null) {
                problems.add(entry.getKey() + " (" + service + ") matches no route: the Gateway answers 404");
            } else if (!reached.backend().equals(service)) {
                problems.add(entry.getKey() + " (" + service + ") is sent to " + reached);
            } else if (!servicePorts.getOrDefault(service, Set.of()).contains(reached.port())) {
                problems.add(entry.getKey() + ": port " + reached.port() + " is not a port of Service " + service + " "
                        + servicePorts.get(service));
            } else {
                routed++;
            }
        }
        assertThat(problems)
                .as("operations not routed to the service that serves them")
                .isEmpty();
        assertThat(routed).as("operations routed").isGreaterThan(20);
    }

    @Test
    void consoleFilesReachNotificationService() throws IOException {
        Path resources = root.resolve("notification-service/src/main/resources/META-INF/resources");
        List<String> paths = new ArrayList<>(List.of("/"));
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(Files::isRegularFile)
                    .forEach(f ->
                            paths.add("/" + resources.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(paths).contains("/index.html");
        for (String path : paths) {
            RouteTable.Route reached = route(path, "GET");
            assertThat(reached).as("GET %s (console) is routed", path).isNotNull();
            assertThat(reached.backend())
                    .as("GET %s (console) goes to notification-service", path)
                    .isEqualTo("notification-service");
        }
    }

    @Test
    void nothingUnderQIsPublic() {
        for (String path : List.of(
                "/q",
                "/q/",
                "/q/health",
                "/q/health/ready",
                "/q/health/live",
                "/q/metrics",
                "/q/openapi",
                "/q/openapi.json",
                "/q/dev-ui",
                "/q/swagger-ui")) {
            for (String method : List.of("GET", "POST")) {
                assertThat(route(path, method))
                        .as("%s %s must match no route", method, path)
                        .isNull();
            }
        }
        // No catch-all that a future /q path (or any unknown root) could fall into.
        assertThat(route("/anything-else", "GET"))
                .as("GET /anything-else must match no route")
                .isNull();
    }

    @Test
    void theGatewayServesHttpsOnlyWithACertificate() {
        for (JsonNode gateway : gateways) {
            assertThat(gateway.path("spec").path("gatewayClassName").asText())
                    .as("gatewayClassName")
                    .isNotBlank();
            for (JsonNode listener : gateway.path("spec").path("listeners")) {
                assertThat(listener.path("protocol").asText())
                        .as("listener %s protocol", listener.path("name"))
                        .isEqualTo("HTTPS");
                assertThat(listener.path("tls").path("certificateRefs"))
                        .as("listener %s certificate", listener.path("name"))
                        .isNotEmpty();
            }
        }
    }
}
