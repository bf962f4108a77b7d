package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.MonitoringAssets.OTHER_EXPORTERS;
import static io.conversationorchestrator.deployment.MonitoringAssets.alertExpressions;
import static io.conversationorchestrator.deployment.MonitoringAssets.dashboardQueries;
import static io.conversationorchestrator.deployment.MonitoringAssets.metricNames;
import static io.conversationorchestrator.support.Callbacks.withCallbacks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the alerts read is one the service exports: after a
 * conversation was created, its timer swept and its webhook delivered, {@code /q/metrics} has a
 * series of each name (metrics of other exporters only from an explicit allow-list).
 */
@QuarkusTest
class MetricsExportTest {

  @Test
  void theDashboardAndTheAlertsReadOnlyMetricsTheServiceExports() throws Exception {
    try (CallbackSink sink = new CallbackSink()) {
      Api api = Api.newAccount();
      String configuration =
          Fixtures.createConfiguration(
              api,
              withCallbacks(
                  "{\"SMS\":{\"statusTimeouts\":{\"inactive\":1}}}",
                  "{\"url\":\"" + sink.url("/metrics") + "\"}"));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  "INACTIVE"
                          .equals(
                              api.request()
                                  .get("/v2/Conversations/" + id)
                                  .then()
                                  .extract()
                                  .path("status"))
                      && !sink.at("/metrics").isEmpty());

      TreeMap<String, List<String>> missing = new TreeMap<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                missing.clear();
                Set<String> exported = exportedSeries();
                List<String> queries = new ArrayList<>(dashboardQueries());
                queries.addAll(alertExpressions());
                for (String query : queries) {
                  for (String name : metricNames(query)) {
                    if (!exported.contains(name) && !OTHER_EXPORTERS.contains(name)) {
                      missing.computeIfAbsent(name, n -> new ArrayList<>()).add(query);
                    }
                  }
                }
                assertThat(missing).as("metrics read but not exported").isEmpty();
                // the outbox relay's own producer (not created by SmallRye) is measured too
                assertThat(scrape())
                    .contains("kafka_producer_record_error_total{client_id=\"outbox-relay\"");
              });
    }
  }

  /** The series names of the Prometheus text format (samples, so _total, _count... included). */
  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static Set<String> exportedSeries() {
    String text = scrape();
    Set<String> names = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
