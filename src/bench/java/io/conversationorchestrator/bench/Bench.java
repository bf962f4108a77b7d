package io.conversationorchestrator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every harness needs: settings, the machine, the service's readiness and metrics, figures.
 */
final class Bench {
  private Bench() {}

  /** An environment variable, or {@code fallback} when unset or blank. */
  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " / " + f[1] + " / " + f[2];
  }

  /**
   * The start of every report's machine line: cores, CPU, RAM, the load average at the start and
   * now, the JDK, PostgreSQL's version and its durability and memory settings; the caller adds its
   * own.
   */
  static String machine(String loadAverageBefore, Connection db) throws IOException, SQLException {
    return String.format(
        "Machine: %d cores (%s), %d GiB; load average (1/5/15 min) %s at the start, %s at the end"
            + " (other work competes for the same cores); JDK %s; %s, synchronous_commit=%s,"
            + " shared_buffers=%s",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        Math.round(memTotalKib() / 1024.0 / 1024.0),
        loadAverageBefore,
        loadAverage(),
        System.getProperty("java.version"),
        Sql.version(db),
        Sql.string(db, "show synchronous_commit"),
        Sql.string(db, "show shared_buffers"));
  }

  static String cpuModel() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .findFirst()
        .map(l -> l.replaceFirst(".*:\\s*", ""))
        .orElse("?");
  }

  static long memTotalKib() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(l -> l.startsWith("MemTotal"))
        .findFirst()
        .map(l -> Long.parseLong(l.replaceAll("\\D+", "")))
        .orElse(0L);
  }

  /**
   * A call of the service's API with Basic authentication and a JSON body: the response's body;
   * anything but 2xx throws.
   */
  static String api(
      String serviceUrl, String user, String password, String method, String path, String body)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(serviceUrl + path))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** Waits (5 minutes at most: a first build included) until the service answers ready. */
  static void awaitReady(String serviceUrl) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(serviceUrl + "/q/health/ready")).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (true) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(serviceUrl + " is not ready");
      }
      Thread.sleep(200);
    }
  }

  /** The service's metrics that {@code line} matches: group 1 the name, group 2 the value. */
  static Map<String, Double> metrics(String serviceUrl, Pattern line)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Double> values = new LinkedHashMap<>();
    Matcher m = line.matcher(response.body());
    while (m.find()) {
      values.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }

  static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
    return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
  }

  /** CPU seconds per 1000 operations of each process, "a / b / c". */
  static String perThousand(double[] before, double[] after, long count) {
    return slashed(perThousandValues(before, after, count));
  }

  /** CPU seconds per 1000 operations of each process; NaN without operations. */
  static double[] perThousandValues(double[] before, double[] after, long count) {
    double[] out = new double[before.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = count == 0 ? Double.NaN : 1000 * (after[i] - before[i]) / count;
    }
    return out;
  }

  /** "a / b / c", two decimals each. */
  static String slashed(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : " / ").append(String.format("%.2f", v));
    }
    return s.toString();
  }

  /** The {@code q} quantile (nearest rank) of sorted values; NaN when empty. */
  static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  static double secs(Duration d) {
    return d.toNanos() / 1e9;
  }

  static double secs(Instant from, Instant to) {
    return secs(Duration.between(from, to));
  }

  /** Appends {@code md} to bench/results/NAME-yyyy-mm-dd.md and says so. */
  static void appendResult(String name, String md) throws IOException {
    Path file = Path.of("bench/results/" + name + "-" + LocalDate.now() + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("\nAppended to " + file);
  }

  /** BENCH_OUT, created: where a harness writes its section and plot data (bench/README.md). */
  static Path outDir() throws IOException {
    String out = env("BENCH_OUT", "");
    return out.isEmpty() ? null : Files.createDirectories(Path.of(out));
  }

  /**
   * POST /v2/ControlPlane/Configurations: {@code callbacks} a JSON array of status callbacks, or
   * null for none.
   */
  static String configuration(String displayName, String callbacks) {
    return """
        {"displayName":"%s","description":"Configuration for API-created conversations",
         "conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"mem_store_01k1etx3jbfx88476ccja0889d",%s
         "channelSettings":{"SMS":{"statusTimeouts":{"inactive":30,"closed":1440}}}}"""
        .formatted(
            displayName, callbacks == null ? "" : "\n \"statusCallbacks\":" + callbacks + ",");
  }

  /** POST /v2/Conversations: a customer and an agent by SMS, in configuration {@code id}. */
  static String conversation(String configurationId) {
    return """
        {"configurationId":"%s","name":"Support chat for Kiran",
         "participants":[
           {"name":"Kiran A.","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"+15551234567"}]},
           {"name":"Kai B.","type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"+15550001111"}]}]}"""
        .formatted(configurationId);
  }
}
