package io.conversationorchestrator.bench;

import java.awt.BasicStroke;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG plots of a results directory (bench/README.md), each from the CSV files it needs. */
final class ReportPlots {
  final Report report;

  ReportPlots(Report report) {
    this.report = report;
  }

  /** Share of requests per latency bucket, one line per concurrency, on a log latency axis. */
  List<Chart<?, ?>> latencyHistogram() throws IOException {
    List<Map<String, String>> rows = report.csv("create-latency.csv");
    if (rows.isEmpty()) {
      return List.of();
    }
    XYChart chart =
        xy("Create latency histogram", "latency (ms, bucket upper bound)", "share of requests (%)");
    chart.getStyler().setXAxisLogarithmic(true);
    Map<Double, List<Map<String, String>>> byConcurrency =
        new TreeMap<>(
            rows.stream().collect(Collectors.groupingBy(r -> Report.num(r, "concurrency"))));
    byConcurrency.forEach(
        (c, bucket) -> {
          double total = bucket.stream().mapToDouble(r -> Report.num(r, "count")).sum();
          List<Map<String, String>> sorted =
              bucket.stream()
                  .sorted(Comparator.comparingDouble(r -> Report.num(r, "bucket_upper_ms")))
                  .collect(Collectors.toList());
          chart.addSeries(
              "c = " + Report.fmt(c),
              sorted.stream().map(r -> Report.num(r, "bucket_upper_ms")).toList(),
              sorted.stream().map(r -> 100 * Report.num(r, "count") / total).toList());
        });
    return List.of(chart);
  }

  /**
   * Service req/s vs concurrency next to pgbench tps at the same client counts; p99 on the right.
   */
  List<Chart<?, ?>> throughput() throws IOException {
    List<Map<String, String>> service =
        Report.sorted(report.csv("create-concurrency.csv"), "concurrency");
    List<Map<String, String>> pgbench = Report.sorted(report.csv("create-pgbench.csv"), "clients");
    if (service.isEmpty() && pgbench.isEmpty()) {
      return List.of();
    }
    XYChart chart = xy("Create throughput vs concurrency", "concurrency (clients)", "per second");
    // Concurrencies are powers of two: plotted at Report.log2(c), labelled c.
    chart.setCustomXAxisTickLabelsFormatter(
        x -> x == Math.rint(x) ? Report.fmt(Math.pow(2, x)) : "");
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMin(1, 0.0);
    if (!service.isEmpty()) {
      chart.addSeries(
          "service req/s",
          Report.log2(Report.column(service, "concurrency")),
          Report.column(service, "requests_per_s"));
      right(
          chart.addSeries(
              "service p99 (ms, right)",
              Report.log2(Report.column(service, "concurrency")),
              Report.column(service, "p99_ms")));
      chart.setYAxisGroupTitle(1, "p99 latency (ms)");
      chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    }
    if (!pgbench.isEmpty()) {
      chart.addSeries(
          "pgbench tps (same INSERTs)",
          Report.log2(Report.column(pgbench, "clients")),
          Report.column(pgbench, "tps"));
    }
    return List.of(chart);
  }

  /**
   * Two panels: lateness and sweep time vs N (log-log, with a linear reference); rate and memory.
   */
  List<Chart<?, ?>> lateness() throws IOException {
    List<Map<String, String>> rows = report.lifecycle();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Double> n = Report.column(rows, "n");
    List<Double> x = n.stream().map(Math::log10).toList(); // plotted at log10(N), labelled N
    XYChart time =
        xy(
            "Lateness and sweep time vs N (all due at one instant)",
            "N (due conversations)",
            "seconds");
    time.setCustomXAxisTickLabelsFormatter(Report::roundN);
    time.getStyler().setYAxisLogarithmic(true);
    time.addSeries("lateness p50", x, Report.column(rows, "lateness_p50_s"));
    time.addSeries("lateness p99", x, Report.column(rows, "lateness_p99_s"));
    time.addSeries("lateness max", x, Report.column(rows, "lateness_max_s"));
    time.addSeries("sweep time (last transition − T)", x, Report.column(rows, "sweep_seconds"));
    double t0 = Report.num(rows.get(0), "sweep_seconds") / Report.num(rows.get(0), "n");
    XYSeries linear =
        time.addSeries("linear from the smallest N", x, n.stream().map(v -> v * t0).toList());
    linear.setLineStyle(dashed());
    linear.setMarker(SeriesMarkers.NONE);
    var y =
        time.getSeriesMap().values().stream()
            .flatMapToDouble(series -> Arrays.stream(series.getYData()))
            .filter(v -> v > 0)
            .summaryStatistics();
    // Labels at 1-9 times each power of ten crowd when more than two decades are spanned.
    time.getStyler().setYAxisLogarithmicDecadeOnly(y.getMax() / y.getMin() > 100);
    XYChart rate =
        xy("Transitions/s and service memory vs N", "N (due conversations)", "transitions/s");
    rate.setCustomXAxisTickLabelsFormatter(Report::roundN);
    rate.getStyler().setYAxisMin(0, 0.0).setYAxisMin(1, 0.0);
    rate.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    rate.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    rate.addSeries("service transitions/s", x, Report.column(rows, "transitions_per_s"));
    rate.addSeries("raw SQL transitions/s", x, Report.column(rows, "raw_per_s"));
    right(rate.addSeries("RSS before (MiB, right)", x, Report.column(rows, "rss_before_mib")));
    right(rate.addSeries("RSS peak (MiB, right)", x, Report.column(rows, "rss_peak_mib")));
    if (rows.get(0).containsKey("old_gen_peak_mib")) {
      right(
          rate.addSeries("old gen peak (MiB, right)", x, Report.column(rows, "old_gen_peak_mib")));
    }
    rate.setYAxisGroupTitle(1, "MiB");
    rate.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    return List.of(time, rate);
  }

  List<Chart<?, ?>> callbacks() throws IOException {
    return bars(
        report.csv("callbacks.csv"),
        "phase",
        "deliveries_per_s",
        "Status callbacks: sink ceiling and service",
        "requests or deliveries/s");
  }

  List<Chart<?, ?>> outbox() throws IOException {
    return bars(
        report.csv("outbox-kafka.csv"),
        "what",
        "records_per_s",
        "Outbox → Kafka (acks=all)",
        "records/s");
  }

  List<Chart<?, ?>> bars(
      List<Map<String, String>> rows, String label, String value, String title, String yTitle) {
    if (rows.isEmpty()) {
      return List.of();
    }
    CategoryChart chart =
        new CategoryChartBuilder().width(900).height(450).title(title).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisDecimalPattern("#,###");
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries(
        yTitle, rows.stream().map(r -> r.get(label)).toList(), Report.column(rows, value));
    return List.of(chart);
  }

  XYChart xy(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    chart.getStyler().setXAxisDecimalPattern("#,###");
    return chart;
  }

  /** A series on the right-hand axis, dashed. */
  static void right(XYSeries series) {
    series.setYAxisGroup(1);
    series.setLineStyle(dashed());
  }

  static BasicStroke dashed() {
    return new BasicStroke(
        2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }
}
