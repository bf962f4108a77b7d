package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.MonitoringAssets.alertExpressions;
import static io.conversationorchestrator.deployment.MonitoringAssets.dashboard;
import static io.conversationorchestrator.deployment.MonitoringAssets.metricNames;
import static io.conversationorchestrator.deployment.MonitoringAssets.rules;
import static io.conversationorchestrator.deployment.MonitoringAssets.runbookAnchors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monitoring overlay's Grafana dashboard and alerts, offline: the dashboard is valid JSON with
 * the panels operators look for and ships as a ConfigMap the Grafana sidecar loads; every alert has
 * an expression, a duration, a severity and a runbook link to a section of docs/runbook.md.
 * (MetricsExportTest checks that the metrics they read are the ones the service exports.)
 */
class AlertsAndDashboardTest {

  @Test
  void theDashboardHasThePanelsOperatorsLookFor() throws IOException {
    List<String> titles = new ArrayList<>();
    dashboard().path("panels").forEach(p -> titles.add(p.path("title").asText()));
    assertThat(titles)
        .containsExactly(
            "Transitions per minute by reason",
            "Sweep lag p99",
            "Outbox backlog and relay rate",
            "Callback queue depth",
            "Oldest pending callback age",
            "DEAD deliveries",
            "Request rate by endpoint",
            "Request latency by endpoint",
            "PostgreSQL pool usage",
            "Kafka producer errors");
    for (JsonNode panel : dashboard().path("panels")) {
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      panel
          .path("targets")
          .forEach(t -> assertThat(metricNames(t.path("expr").asText())).isNotEmpty());
    }
  }

  @Test
  void theDashboardShipsAsAConfigMapTheGrafanaSidecarLoads() throws IOException {
    List<ConfigMap> dashboards =
        Manifests.ofType(Manifests.rendered("monitoring").objects(), ConfigMap.class).stream()
            .filter(
                cm ->
                    "1"
                        .equals(
                            Manifests.nullSafe(cm.getMetadata().getLabels())
                                .get("grafana_dashboard")))
            .toList();
    assertThat(dashboards).hasSize(1);
    String json = dashboards.get(0).getData().get("conversation-orchestrator.json");
    assertThat(Manifests.JSON.readTree(json)).isEqualTo(dashboard());
    assertThat(Files.readString(MonitoringAssets.DASHBOARD)).isEqualTo(json);
  }

  @ParameterizedTest
  @CsvSource({
    "OrchestratorSweepLagHigh,         orchestrator_lifecycle_sweep_lag_seconds",
    "OrchestratorOutboxBacklogGrowing, orchestrator_outbox_backlog",
    "OrchestratorCallbacksDead,        orchestrator_callbacks_deliveries_total",
    "OrchestratorReadinessFlapping,    kube_pod_status_ready",
    "OrchestratorRelayStalled,         orchestrator_outbox_published_total"
  })
  void everyAlertHasAnExpressionDurationSeverityAndRunbook(String alert, String reads)
      throws IOException {
    JsonNode rule = rule(alert);
    assertThat(metricNames(rule.path("expr").asText())).contains(reads);
    assertThat(rule.path("for").asText()).matches("\\d+[smh]");
    assertThat(rule.path("labels").path("severity").asText()).isIn("warning", "critical");
    assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
    String runbook = rule.path("annotations").path("runbook_url").asText();
    assertThat(runbook).contains("docs/runbook.md#");
    assertThat(runbookAnchors()).contains(runbook.substring(runbook.indexOf('#') + 1));
  }

  @Test
  void theRulesAreAPrometheusRuleWithOnlyTheseAlerts() throws IOException {
    assertThat(rules().path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rules().path("kind").asText()).isEqualTo("PrometheusRule");
    List<String> alerts = new ArrayList<>();
    rules()
        .path("spec")
        .path("groups")
        .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
    assertThat(alerts)
        .containsExactlyInAnyOrder(
            "OrchestratorSweepLagHigh",
            "OrchestratorOutboxBacklogGrowing",
            "OrchestratorCallbacksDead",
            "OrchestratorReadinessFlapping",
            "OrchestratorRelayStalled");
    assertThat(alertExpressions()).hasSize(alerts.size());
  }

  /** The extraction the metric check relies on: functions, labels, keywords are not metrics. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sum by (reason) (rate(a_total{namespace=\"x\", reason=~\"b.*\"}[5m])) * 60 | a_total",
        "max(a{quantile=\"0.99\"}) > 60 and on (namespace) deriv(max(b)[5m:30s]) > 0 | a b",
        "sum(rate(a_count[5m])) / sum(rate(a_sum[5m])) | a_count a_sum",
        "changes(kube_pod_status_ready{condition=\"true\"}[15m]) > 4 | kube_pod_status_ready"
      })
  void metricNamesAreTheSeriesAQueryReads(String promql, String names) {
    assertThat(metricNames(promql)).containsExactlyInAnyOrder(names.trim().split(" "));
  }

  private static JsonNode rule(String alert) throws IOException {
    for (JsonNode group : rules().path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (alert.equals(rule.path("alert").asText())) {
          return rule;
        }
      }
    }
    throw new AssertionError("no alert " + alert);
  }
}
