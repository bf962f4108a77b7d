package io.conversationorchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Assembles one run of bench/run-all.sh (see bench/README.md): reads the sections (*.md) and plot
 * data (*.csv) the benchmarks wrote to a results directory bench/results/NAME/, draws the PNGs into
 * it and writes bench/results/NAME.md: the machine, a summary against the targets, then
 * each section with its plots. Missing inputs become "not run" (with the end of the log when
 * run-all recorded a failure). Usage (bench/README.md): run_harness Report bench/results/NAME, with
 * -Djava.awt.headless=true
 */
public class Report {
  final Path dir;
  final Properties run = new Properties(); // run.properties of run-all.sh
  final List<String[]> runs = new ArrayList<>(); // runs.tsv: label, command, status, seconds
  final StringBuilder md = new StringBuilder();
  final ReportPlots plots = new ReportPlots(this);

  Report(Path dir) throws IOException {
    this.dir = dir;
    if (Files.exists(dir.resolve("run.properties"))) {
      try (var in = Files.newBufferedReader(dir.resolve("run.properties"))) {
        run.load(in);
      }
    }
    if (Files.exists(dir.resolve("runs.tsv"))) {
      Files.readAllLines(dir.resolve("runs.tsv")).stream()
          .filter(l -> !l.isBlank())
          .map(l -> l.split("\t", -1))
          .forEach(runs::add);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir =
        Path.of(args.length > 0 ? args[0] : "bench/results/" + java.time.LocalDate.now())
            .normalize();
    Path file = dir.resolveSibling(dir.getFileName() + ".md");
    Files.writeString(file, new Report(dir).build());
    System.out.println("Wrote " + file);
  }

  String build() throws IOException {
    String name = dir.getFileName().toString();
    md.append("# Benchmarks, ").append(name).append("\n\n");
    md.append("Written by `bench/run-all.sh")
        .append(run.getProperty("quick", "").isEmpty() ? "" : " --quick")
        .append("` (bench/README.md). Files: [")
        .append(name)
        .append("/](")
        .append(name)
        .append("/).\n\n");
    header();
    summary();
    sections();
    return md.toString();
  }

  // --- the machine and the run ---

  void header() throws IOException {
    String cpu = Bench.cpuModel();
    long memKib = Bench.memTotalKib();
    String os =
        lines("/etc/os-release").stream()
            .filter(l -> l.startsWith("PRETTY_NAME="))
            .findFirst()
            .map(l -> l.substring(12).replace("\"", ""))
            .orElse(System.getProperty("os.name"));
    long started = Long.parseLong(run.getProperty("started", "0"));
    long finished = Long.parseLong(run.getProperty("finished", "0"));
    md.append("| | |\n|---|---|\n");
    row(
        "machine",
        String.format(
            "%s, %d cores, %.1f GiB RAM",
            cpu, Runtime.getRuntime().availableProcessors(), memKib / 1024.0 / 1024));
    row(
        "OS",
        String.format(
            "%s, %s %s (%s)",
            os,
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch")));
    row(
        "JDK",
        System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vendor")
            + ")");
    row("git commit", run.getProperty("git", "?"));
    row(
        "load average (1 / 5 / 15 min)",
        run.getProperty("load_before", "?")
            + " before, "
            + run.getProperty("load_after", "?")
            + " after (other work on the machine competes for the same cores)");
    row("total wall time", started > 0 && finished > 0 ? duration(finished - started) : "?");
    md.append('\n');
    if (!runs.isEmpty()) {
      md.append("| benchmark | command | result | time |\n|---|---|---|---|\n");
      for (String[] r : runs) {
        md.append(
            String.format(
                "| %s | `%s` | %s | %s |%n",
                r[0],
                r[1],
                r[2].equals("ok") ? "ok" : "**" + r[2] + "**",
                r[2].equals("not present") ? "—" : duration(Long.parseLong(r[3]))));
      }
      md.append('\n');
    }
  }

  // --- the headline figures against the targets ---

  void summary() throws IOException {
    md.append(
        "## Summary against the targets\n\nThe data-plane issue's table: \"before\" is the figure"
            + " the issue was filed with (2026-11-21).\n\n"
            + "| figure | before | measured | target | met |\n|---|---|---|---|---|\n");
    createTargets();
    lifecycleTargets();
    outboxTarget();
    callbackTargets();
    footprintTargets();
    md.append(
        "\nKept from earlier issues:\n\n"
            + "| figure | before | measured | target | met |\n|---|---|---|---|---|\n");
    createLatencyTarget();
    lifecycleScaling();
    md.append('\n');
  }

  void createTargets() throws IOException {
    Map<String, String> c32 = nearest(csv("create-concurrency.csv"), "concurrency", 32);
    Map<String, String> p32 = nearest(csv("create-pgbench.csv"), "clients", 32);
    if (c32 == null || p32 == null) {
      missing("create: service ÷ pgbench of the same transaction, c = 32", "0.29", "≥ 0.5");
      return;
    }
    double ratio = num(c32, "requests_per_s") / num(p32, "tps");
    target(
        "create: service ÷ pgbench of the same transaction, c = 32",
        "0.29",
        String.format(
            "%.2f (%,.0f vs %,.0f/s)", ratio, num(c32, "requests_per_s"), num(p32, "tps")),
        "≥ 0.5",
        ratio >= 0.5);
    double serviceCpu = num(c32, "service_cpu_ms");
    target(
        "create: service CPU per create, c = 32",
        "2.06 ms",
        String.format("%.2f ms", serviceCpu),
        "≤ 0.7 ms",
        serviceCpu <= 0.7);
    double pgRatio = num(c32, "postgres_cpu_ms") / num(p32, "postgres_cpu_ms");
    target(
        "create: PostgreSQL CPU per create ÷ per pgbench transaction, c = 32",
        "1.65",
        String.format(
            "%.2f (%.2f vs %.2f ms)",
            pgRatio, num(c32, "postgres_cpu_ms"), num(p32, "postgres_cpu_ms")),
        "≤ 1.2",
        pgRatio <= 1.2);
  }

  void lifecycleTargets() throws IOException {
    Map<String, String> once =
        lifecycle().stream().filter(r -> num(r, "n") == 100_000).findFirst().orElse(null);
    if (once == null) {
      missing(
          "lifecycle: 100k due at once, service ÷ raw", "0.32 (5,270/s)", "≥ 0.6 and ≥ 9,000/s");
    } else {
      double rate = num(once, "transitions_per_s");
      double ratio = rate / num(once, "raw_per_s");
      target(
          "lifecycle: 100k due at once, service ÷ raw",
          "0.32 (5,270/s)",
          String.format("%.2f (%,.0f/s vs %,.0f/s)", ratio, rate, num(once, "raw_per_s")),
          "≥ 0.6 and ≥ 9,000/s",
          ratio >= 0.6 && rate >= 9_000);
    }
    Map<String, String> spread = spreadRun();
    if (spread == null) {
      missing("lifecycle: service CPU per transition, 100k due over 60 s", "0.20 ms", "≤ 0.08 ms");
      missing("lifecycle: lateness p99, 100k due over 60 s", "0.27 s", "≤ 0.3 s");
      return;
    }
    double cpu = num(spread, "service_cpu_ms");
    target(
        "lifecycle: service CPU per transition, 100k due over 60 s",
        "0.20 ms",
        String.format("%.3f ms", cpu),
        "≤ 0.08 ms",
        cpu <= 0.08);
    double p99 = num(spread, "lateness_p99_s");
    target(
        "lifecycle: lateness p99, 100k due over 60 s",
        "0.27 s",
        String.format("%.2f s", p99),
        "≤ 0.3 s",
        p99 <= 0.3);
  }

  /** The run with deadlines spread over a window (lifecycle-N-spreadS.csv), if any. */
  Map<String, String> spreadRun() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.matches("lifecycle-\\d+-spread\\d+\\.csv"))
              .sorted()
              .toList();
      return names.isEmpty() ? null : csv(names.get(0)).stream().findFirst().orElse(null);
    }
  }

  void outboxTarget() throws IOException {
    Map<String, String> relay = find(csv("outbox-kafka.csv"), "what", "service relay");
    Map<String, String> perf = find(csv("outbox-kafka.csv"), "what", "ProducerPerformance");
    if (relay == null || perf == null) {
      missing("outbox → Kafka ÷ ProducerPerformance, same settings", "0.36", "≥ 0.6");
      return;
    }
    double ratio = num(relay, "records_per_s") / num(perf, "records_per_s");
    target(
        "outbox → Kafka ÷ ProducerPerformance, same settings",
        "0.36",
        String.format(
            "%.2f (%,.0f vs %,.0f records/s)",
            ratio, num(relay, "records_per_s"), num(perf, "records_per_s")),
        "≥ 0.6",
        ratio >= 0.6);
  }

  void callbackTargets() throws IOException {
    List<Map<String, String>> callbacks = csv("callbacks.csv");
    Map<String, String> alone = find(callbacks, "phase", "service alone");
    Map<String, String> beside = find(callbacks, "phase", "service beside hanging host");
    if (alone == null) {
      missing("callbacks to a local receiver", "7,231/s", "≥ 10,000/s");
      return;
    }
    double rate = num(alone, "deliveries_per_s");
    target(
        "callbacks to a local receiver",
        "7,231/s",
        String.format("%,.0f/s", rate),
        "≥ 10,000/s",
        rate >= 10_000);
    if (beside != null) {
      double slowdown = rate / num(beside, "deliveries_per_s");
      target(
          "callbacks: slowdown beside a hanging host",
          "1.01",
          String.format("%.2f", slowdown),
          "≤ 1.10 (kept)",
          slowdown <= 1.10);
    }
  }

  void footprintTargets() throws IOException {
    Map<String, Double> footprint = new LinkedHashMap<>();
    csv("footprint.csv").forEach(r -> footprint.put(r.get("metric"), num(r, "value")));
    Double ready = footprint.get("ready_seconds");
    Double rss = footprint.get("rss_idle_mib");
    if (ready == null || rss == null) {
      missing("start-up to ready / idle RSS", "6–10 s / 325 MiB", "≤ 3 s / ≤ 256 MiB");
      return;
    }
    target(
        "start-up to ready / idle RSS",
        "6–10 s / 325 MiB",
        String.format("%.2f s / %.0f MiB", ready, rss),
        "≤ 3 s / ≤ 256 MiB",
        ready <= 3 && rss <= 256);
  }

  void createLatencyTarget() throws IOException {
    List<Map<String, String>> create = csv("create-concurrency.csv");
    double max =
        create.stream().mapToDouble(r -> num(r, "requests_per_s")).max().orElse(Double.NaN);
    Map<String, String> half =
        Double.isNaN(max) ? null : nearest(csv("create-paced.csv"), "rate_per_s", max / 2);
    if (half == null) {
      missing("create: p99 at half of max load", "20.0 ms", "≤ 25 ms");
      return;
    }
    target(
        "create: p99 at half of max load",
        "20.0 ms",
        String.format(
            "%.1f ms at %,.0f/s (max %,.0f/s)",
            num(half, "p99_ms"), num(half, "achieved_per_s"), max),
        "≤ 25 ms",
        num(half, "p99_ms") <= 25);
  }

  /** Sweep time and memory from the smallest to the largest N due at once. */
  void lifecycleScaling() throws IOException {
    List<Map<String, String>> lifecycle = lifecycle();
    if (lifecycle.size() < 2) {
      return;
    }
    Map<String, String> small = lifecycle.get(0);
    Map<String, String> large = lifecycle.get(lifecycle.size() - 1);
    double growth = num(large, "n") / num(small, "n");
    // t ∝ N^k: k = 1 is linear; up to 1.1 is allowed for noise between two runs.
    double k =
        Math.log(num(large, "sweep_seconds") / num(small, "sweep_seconds")) / Math.log(growth);
    target(
        String.format(
            "lifecycle: sweep time grows as N^k, N %,.0f → %,.0f",
            num(small, "n"), num(large, "n")),
        "k = 1.03",
        String.format(
            "k = %.2f (%.1f s → %.1f s)",
            k, num(small, "sweep_seconds"), num(large, "sweep_seconds")),
        "k ≤ 1 (1.10 allowed for noise)",
        k <= 1.10);
    // Flat memory is judged on the old generation (what survives collections): RSS also grows with
    // the young generation the JVM sizes to the allocation rate.
    boolean flat = num(large, "old_gen_peak_mib") <= 1.25 * num(small, "old_gen_peak_mib") + 64;
    target(
        String.format(
            "lifecycle: service old generation peak, N %,.0f → %,.0f",
            num(small, "n"), num(large, "n")),
        "38 → 39 MiB",
        String.format(
            "%,.0f → %,.0f MiB (RSS %,.0f → %,.0f MiB)",
            num(small, "old_gen_peak_mib"),
            num(large, "old_gen_peak_mib"),
            num(small, "rss_peak_mib"),
            num(large, "rss_peak_mib")),
        "≤ ×1.25 + 64 MiB for ×" + fmt(growth) + " rows",
        flat);
  }

  void target(String figure, String before, String measured, String target, Boolean met) {
    md.append(
        String.format(
            "| %s | %s | %s | %s | %s |%n",
            figure, before, measured, target, met == null ? "—" : met ? "yes" : "**no**"));
  }

  void missing(String figure, String before, String target) {
    target(figure, before, "not run", target, null);
  }

  // --- the sections, each followed by its plots ---

  static final List<String> ORDER =
      List.of("create", "footprint", "outbox-kafka", "lifecycle", "callbacks");

  void sections() throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".md"))
          .forEach(f -> names.add(f.substring(0, f.length() - 3)));
    }
    names.addAll(List.of("create", "footprint", "outbox-kafka", "callbacks"));
    runs.forEach(r -> names.addAll(sectionsOf(r[0])));
    List<String> ordered =
        names.stream()
            .sorted(
                Comparator.comparingInt(Report::rank)
                    .thenComparingLong(s -> s.startsWith("lifecycle-") ? lifecycleN(s) : 0)
                    .thenComparing(Function.identity()))
            .collect(Collectors.toList());
    Set<String> logsShown = new HashSet<>();
    for (String section : ordered) {
      Path file = dir.resolve(section + ".md");
      if (Files.exists(file)) {
        md.append(Files.readString(file).strip()).append("\n\n");
      } else {
        md.append("## ")
            .append(title(section))
            .append("\n\n")
            .append(notRun(section, logsShown))
            .append("\n\n");
      }
      if (section.equals("create")) {
        plot("latency-histogram.png", "Create latency histogram", plots::latencyHistogram);
        plot(
            "throughput-vs-concurrency.png", "Create throughput vs concurrency", plots::throughput);
      } else if (section.equals("outbox-kafka")) {
        plot("outbox-kafka.png", "Outbox relay vs ProducerPerformance", plots::outbox);
      } else if (section.equals("callbacks")) {
        plot("callbacks.png", "Callback deliveries/s", plots::callbacks);
      }
      int next = ordered.indexOf(section) + 1;
      if (section.startsWith("lifecycle")
          && (next == ordered.size() || !ordered.get(next).startsWith("lifecycle"))) {
        plot(
            "lateness-vs-n.png",
            "Lifecycle lateness, sweep time, rate and memory vs N",
            plots::lateness);
      }
    }
  }

  /** N of a lifecycle section: lifecycle-100000 and lifecycle-100000-spread60 are both 100,000. */
  static long lifecycleN(String section) {
    return Long.parseLong(section.substring(10).replaceAll("\\D.*", ""));
  }

  static int rank(String section) {
    int i = ORDER.indexOf(section.startsWith("lifecycle") ? "lifecycle" : section);
    return i < 0 ? ORDER.size() : i;
  }

  /** The sections a run-all label produces: create-throughput.sh writes two. */
  static List<String> sectionsOf(String label) {
    return label.equals("create") ? List.of("create", "footprint") : List.of(label);
  }

  static String title(String section) {
    return switch (section) {
      case "create" -> "Create throughput";
      case "footprint" -> "Footprint";
      case "outbox-kafka" -> "Outbox → Kafka";
      case "callbacks" -> "Status callbacks";
      default ->
          section.startsWith("lifecycle-")
              ? String.format("Lifecycle sweep, N = %,d", lifecycleN(section))
                  + (section.contains("-spread") ? ", due over a window" : "")
              : section;
    };
  }

  /** Why a section is missing: not run, the script not present, or failed with its log's end. */
  String notRun(String section, Set<String> logsShown) throws IOException {
    String[] r =
        runs.stream().filter(x -> sectionsOf(x[0]).contains(section)).findFirst().orElse(null);
    if (r == null) {
      return "Not run.";
    }
    if (r[2].equals("ok")) {
      return "Not written: `" + r[1] + "` ended well but wrote no `" + section + ".md`.";
    }
    String script = r[1].replaceFirst("^bash (\\S+).*", "$1");
    String text =
        r[2].equals("not present")
            ? "Not run: `" + script + "` is not present."
            : "Not run: `" + r[1] + "` " + r[2] + ".";
    Path log = dir.resolve("logs/" + r[0] + ".log");
    if (r[2].startsWith("failed") && Files.exists(log) && logsShown.add(r[0])) {
      List<String> lines = Files.readAllLines(log);
      String tail =
          lines.subList(Math.max(0, lines.size() - 25), lines.size()).stream()
              .map(l -> l.replaceAll("\u001B\\[[;\\d]*m", ""))
              .collect(Collectors.joining("\n"));
      text +=
          " The end of its log (`"
              + dir.getFileName()
              + "/logs/"
              + r[0]
              + ".log`):\n\n```\n"
              + tail
              + "\n```";
    }
    return text;
  }

  interface Plot {
    List<Chart<?, ?>> draw() throws IOException; // empty: no data
  }

  void plot(String file, String alt, Plot plot) {
    try {
      List<Chart<?, ?>> charts = plot.draw();
      if (!charts.isEmpty()) { // several: one above the other
        BitmapEncoder.saveBitmap(
            charts, charts.size(), 1, dir.resolve(file).toString(), BitmapFormat.PNG);
        md.append("![")
            .append(alt)
            .append("](")
            .append(dir.getFileName())
            .append('/')
            .append(file)
            .append(")\n\n");
      }
    } catch (Exception | Error e) { // a machine without fonts, say: the tables still stand
      md.append("(Plot ").append(file).append(" failed: ").append(e).append(")\n\n");
    }
  }

  // --- CSV ---

  /** Rows of $dir/name as header → value maps; none when the file is missing or unreadable. */
  List<Map<String, String>> csv(String name) throws IOException {
    Path file = dir.resolve(name);
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).trim().split(",");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i].trim(), cells[i].trim());
      }
      rows.add(row);
    }
    return rows;
  }

  /** One row of every lifecycle-N.csv, by N. */
  List<Map<String, String>> lifecycle() throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("lifecycle-\\d+\\.csv")).toList()) {
        rows.addAll(csv(f.getFileName().toString()));
      }
    }
    return sorted(rows, "n");
  }

  static List<Map<String, String>> sorted(List<Map<String, String>> rows, String key) {
    return rows.stream()
        .sorted(Comparator.comparingDouble(r -> num(r, key)))
        .collect(Collectors.toList());
  }

  /** A label for a tick at log10(N) when N is 1, 2 or 5 times a power of ten: 10k, 200k, 1M. */
  static String roundN(double log10) {
    double n = Math.pow(10, log10);
    double decade = Math.pow(10, Math.floor(log10 + 1e-9));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (Math.abs(n - m * decade) < 0.01 * m * decade) {
        double v = m * decade;
        return v >= 1e6 ? fmt(v / 1e6) + "M" : v >= 1e3 ? fmt(v / 1e3) + "k" : fmt(v);
      }
    }
    return "";
  }

  static List<Double> log2(List<Double> values) {
    return values.stream().map(v -> Math.log(v) / Math.log(2)).toList();
  }

  static List<Double> column(List<Map<String, String>> rows, String key) {
    return rows.stream().map(r -> num(r, key)).toList();
  }

  static Map<String, String> nearest(List<Map<String, String>> rows, String key, double value) {
    return rows.stream()
        .filter(r -> !Double.isNaN(num(r, key)))
        .min(Comparator.comparingDouble(r -> Math.abs(num(r, key) - value)))
        .orElse(null);
  }

  static Map<String, String> find(List<Map<String, String>> rows, String key, String part) {
    return rows.stream()
        .filter(
            r ->
                r.getOrDefault(key, "")
                    .toLowerCase(Locale.ROOT)
                    .contains(part.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElse(null);
  }

  static double num(Map<String, String> row, String key) {
    try {
      return Double.parseDouble(row.getOrDefault(key, ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // --- small helpers ---

  void row(String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.format("%,.0f", v) : String.format("%,.2f", v);
  }

  static String duration(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    return d.toHours() > 0
        ? String.format("%d h %02d min", d.toHours(), d.toMinutesPart())
        : String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }

  static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
