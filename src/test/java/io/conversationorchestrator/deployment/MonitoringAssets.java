package io.conversationorchestrator.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring overlay's Grafana dashboard and PrometheusRule, the PromQL in them, and the metric
 * names that PromQL reads.
 */
final class MonitoringAssets {
  private MonitoringAssets() {}

  static final Path MONITORING = Manifests.OVERLAYS.resolve("monitoring");
  static final Path DASHBOARD = MONITORING.resolve("dashboards/conversation-orchestrator.json");
  static final Path RULES = MONITORING.resolve("prometheusrule.yaml");
  static final Path RUNBOOK = Manifests.REPO_ROOT.resolve("docs/runbook.md");

  /** Metrics of other exporters the queries may read (kube-state-metrics, Prometheus itself). */
  static final Set<String> OTHER_EXPORTERS = Set.of("kube_pod_status_ready", "up");

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  static JsonNode dashboard() throws IOException {
    return Manifests.JSON.readTree(Files.readString(DASHBOARD));
  }

  static JsonNode rules() throws IOException {
    return Manifests.readYamlDocuments(Files.readString(RULES)).get(0);
  }

  static List<String> dashboardQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asText());
      }
    }
    return queries;
  }

  static List<String> alertExpressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    for (JsonNode group : rules().path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        expressions.add(rule.path("expr").asText());
      }
    }
    return expressions;
  }

  /**
   * The metric names a PromQL expression reads: identifiers outside strings, label matchers, ranges
   * and {@code by (...)} lists that are neither functions nor keywords.
   */
  static Set<String> metricNames(String promql) {
    String bare =
        promql
            .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String token = m.group();
      boolean function = bare.substring(m.end()).matches("(?s)\\s*\\(.*");
      boolean partOfNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
      if (!function && !partOfNumber && !KEYWORDS.contains(token.toLowerCase())) {
        names.add(token);
      }
    }
    return names;
  }

  /** GitHub's anchors of the Markdown headings of {@code docs/runbook.md}. */
  static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new TreeSet<>();
    for (String line : Files.readAllLines(RUNBOOK)) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").trim();
        anchors.add(heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
