package org.xianjie.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the Grafana dashboard of deploy/components/monitoring query the counters the
 * services expose at /q/metrics (their tests check each moves: ConsumerFailureTest,
 * WebhookDeliveryTest, DeadlineBreachTest), under the names Prometheus gives them.
 */
class AlertsUseTheServicesCountersTest {

    private static final List<String> COUNTERS = List.of(
            "xianjie_dead_letters_total",
            "xianjie_webhook_deliveries_total",
            "xianjie_webhook_deliveries_dead_total",
            "xianjie_deadlines_breached_total");
    private static final Path MONITORING =
            Path.of("").toAbsolutePath().getParent().resolve("deploy/components/monitoring");

    @Test
    void everyCounterHasAnAlertAndADashboardPanel() throws IOException {
        JsonNode rules = new YAMLMapper()
                .readTree(MONITORING.resolve("prometheusrule.yaml").toFile());
        List<String> alertExpressions = new ArrayList<>();
        rules.path("spec")
                .path("groups")
                .forEach(g -> g.path("rules")
                        .forEach(r -> alertExpressions.add(r.path("expr").asText())));
        JsonNode dashboard = new ObjectMapper()
                .readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        List<String> panelQueries = new ArrayList<>();
        dashboard
                .path("panels")
                .forEach(p -> p.path("targets")
                        .forEach(t -> panelQueries.add(t.path("expr").asText())));

        for (String counter : COUNTERS) {
            assertThat(alertExpressions).as("alert rules on " + counter).anyMatch(e -> e.contains(counter));
            assertThat(panelQueries).as("dashboard panels on " + counter).anyMatch(e -> e.contains(counter));
        }
    }
}
