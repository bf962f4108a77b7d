package io.conversationorchestrator.console;

import io.conversationorchestrator.console.HealthSamples.Sample;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Line charts drawn as SVG by the template from numbers computed here (no chart library, nothing to
 * fetch): each series is a polyline in a 300 × 100 box, scaled to the chart's maximum.
 */
final class Charts {
  private static final String[] COLOURS = {"#0b57d0", "#bf8700", "#116329", "#8250df", "#a40e26"};

  private Charts() {}

  @TemplateData
  public record Chart(String id, String title, String unit, String max, List<Series> series) {}

  /**
   * A line, its legend label with the latest value, and a dash pattern so lines differ without
   * colour.
   */
  @TemplateData
  public record Series(String name, String colour, String dash, String points, String latest) {}

  static List<Chart> of(List<Sample> samples) {
    Set<String> reasons = new TreeSet<>();
    samples.forEach(s -> reasons.addAll(s.transitionsPerMinute().keySet()));
    Map<String, ToDoubleFunction<Sample>> transitions = new LinkedHashMap<>();
    reasons.forEach(r -> transitions.put(r, s -> s.transitionsPerMinute().getOrDefault(r, 0.0)));
    return List.of(
        chart("transitions", "Transitions per minute, by reason", "per min", samples, transitions),
        chart("sweep-lag", "Sweep lag (mean)", "ms", samples, Map.of("lag", Sample::sweepLagMs)),
        chart("queue", "Callback queue", "", samples, queue()),
        chart(
            "outbox",
            "Outbox backlog",
            "events",
            samples,
            Map.of("backlog", s -> s.outboxBacklog())));
  }

  private static Map<String, ToDoubleFunction<Sample>> queue() {
    Map<String, ToDoubleFunction<Sample>> lines = new LinkedHashMap<>();
    lines.put("depth (deliveries)", Sample::queueDepth);
    lines.put("oldest pending (s)", Sample::oldestPendingSeconds);
    return lines;
  }

  private static Chart chart(
      String id,
      String title,
      String unit,
      List<Sample> samples,
      Map<String, ToDoubleFunction<Sample>> lines) {
    double max = 1;
    for (ToDoubleFunction<Sample> f : lines.values()) {
      for (Sample s : samples) {
        max = Math.max(max, f.applyAsDouble(s));
      }
    }
    List<Series> series = new ArrayList<>();
    int i = 0;
    for (var line : lines.entrySet()) {
      series.add(series(line.getKey(), i++, samples, line.getValue(), max));
    }
    return new Chart(id, title, unit, format(max), series);
  }

  private static Series series(
      String name, int index, List<Sample> samples, ToDoubleFunction<Sample> f, double max) {
    StringBuilder points = new StringBuilder();
    int n = samples.size();
    for (int i = 0; i < n; i++) {
      double x = n == 1 ? 300 : 300.0 * i / (n - 1);
      double y = 100 - 100 * f.applyAsDouble(samples.get(i)) / max;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    String latest = n == 0 ? "no sample yet" : format(f.applyAsDouble(samples.get(n - 1)));
    String dash = index == 0 ? "" : (index * 3) + " 2";
    return new Series(
        name, COLOURS[index % COLOURS.length], dash, points.toString().trim(), latest);
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
