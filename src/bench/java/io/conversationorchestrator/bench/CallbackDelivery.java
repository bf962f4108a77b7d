package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.delta;
import static io.conversationorchestrator.bench.Bench.env;
import static io.conversationorchestrator.bench.Bench.loadAverage;
import static io.conversationorchestrator.bench.Bench.pct;
import static io.conversationorchestrator.bench.Bench.perThousand;
import static io.conversationorchestrator.bench.Bench.secs;
import static io.conversationorchestrator.bench.Procs.cpuSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The status callback delivery benchmark, run by bench/callbacks.sh (see
 * bench/README-callbacks.md). A local HTTP sink runs in this JVM: paths under /ok answer 200 at
 * once, paths under /hang never answer. After one real event through the API (for its payload) and
 * a warm-up, it measures the sink alone (a Vert.x HttpClient load loop), then loads N due
 * deliveries straight into callback_delivery and times the running service until all are SUCCEEDED,
 * in alternating rounds: to the healthy sink alone, and with N/10 deliveries to a hanging host
 * (127.0.0.1 instead of localhost, so other per-host slots) loaded first. A benchmark, not a test:
 * it sleeps between polls.
 *
 * <p>Environment: BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD; BENCH_SERVICE_URL (readiness,
 * the API for one real event payload, /q/metrics); BENCH_ACCOUNT_SID, BENCH_AUTH_TOKEN (default:
 * the local stack's dev account, whose token signs the callbacks); BENCH_STACK_PID or
 * BENCH_SERVICE_PID, BENCH_PG_PID (CPU figures); BENCH_WARMUP (deliveries sent first, unreported;
 * default min(N, 10000)); BENCH_HANG (hanging deliveries, default N/10); BENCH_ROUNDS (alternating
 * rounds of both measurements, default 3); BENCH_CEILING_SECONDS (3); BENCH_TIMELINE (print the
 * requests the sink received per 100 ms); BENCH_QUICK (a smaller warm-up and sink measurement);
 * BENCH_OUT (also write callbacks.md and callbacks.csv there, bench/README.md);
 * ORCHESTRATOR_CALLBACKS_* (the service's settings, printed with the figures).
 */
public class CallbackDelivery {
  static final ObjectMapper JSON = new ObjectMapper();

  final int n;
  final Connection db;
  final String serviceUrl = env("BENCH_SERVICE_URL", "http://127.0.0.1:8080");
  final String account = env("BENCH_ACCOUNT_SID", "AC00000000000000000000000000000000");
  final String token = env("BENCH_AUTH_TOKEN", "dev-auth-token");
  final int maxPerHost = Integer.parseInt(env("ORCHESTRATOR_CALLBACKS_MAX_PER_HOST", "16"));
  final boolean quick = !env("BENCH_QUICK", "").isEmpty();
  final int warmup;
  final Map<String, String> report = new LinkedHashMap<>();
  final Map<String, Round> csv = new LinkedHashMap<>(); // phase → figures, for BENCH_OUT
  final CallbackSink sink;
  final String loadAverageBefore;
  long servicePid;
  String payload;
  String eventType = "CONVERSATION_CREATED";

  CallbackDelivery(int n) throws Exception {
    this.n = n;
    this.warmup =
        Integer.parseInt(env("BENCH_WARMUP", String.valueOf(Math.min(n, quick ? 2_000 : 10_000))));
    this.db = Sql.connect();
    this.sink = new CallbackSink();
    this.loadAverageBefore = loadAverage();
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 20_000;
    CallbackDelivery bench = new CallbackDelivery(n);
    try {
      bench.awaitReady();
      bench.run();
    } finally {
      bench.sink.close();
    }
    System.exit(0); // the HTTP clients' threads would keep the JVM alive
  }

  void run() throws Exception {
    cleanUp();
    samplePayload();
    if (warmup > 0) { // a fresh JVM compiles for seconds: measure the service as it runs for days
      System.out.printf("Warm-up: %,d deliveries (not reported)...%n", warmup);
      phase("warmup", warmup, 0, new LinkedHashMap<>());
    }
    double seconds = Double.parseDouble(env("BENCH_CEILING_SECONDS", quick ? "2" : "3"));
    for (int concurrency : new int[] {maxPerHost, 64}) { // after the warm-up: the sink is compiled
      System.out.printf(
          "Sink alone: Vert.x HttpClient, %d connections for %.0f s...%n", concurrency, seconds);
      Round ceiling = ceiling(concurrency, Duration.ofMillis((long) (seconds * 1000)));
      report.put(
          "sink alone (Vert.x HttpClient in the harness, "
              + concurrency
              + " connections): requests/s,"
              + " latency p50 / p99 (ms)",
          String.format("%,.0f, %.1f / %.1f", ceiling.rate, ceiling.p50, ceiling.p99));
      csv.put("sink alone " + concurrency + " conn", ceiling);
    }
    int hang = Integer.parseInt(env("BENCH_HANG", String.valueOf(n / 10)));
    int rounds = Integer.parseInt(env("BENCH_ROUNDS", "3"));
    List<Map<String, String>> alone = new ArrayList<>();
    List<Map<String, String>> beside = new ArrayList<>();
    Round[] roundsAlone = new Round[rounds];
    Round[] roundsBeside = new Round[rounds];
    for (int r = 0; r < rounds; r++) { // alternating, so that drifting machine load hits both alike
      System.out.printf(
          "Round %d of %d: the healthy sink alone, %,d deliveries...%n", r + 1, rounds, n);
      alone.add(new LinkedHashMap<>());
      roundsAlone[r] = phase("alone-" + (r + 1), n, 0, alone.get(r));
      System.out.printf(
          "Round %d of %d: %,d deliveries to a hanging host first, then %,d to the healthy sink...%n",
          r + 1, rounds, hang, n);
      beside.add(new LinkedHashMap<>());
      roundsBeside[r] = phase("beside-" + (r + 1), n, hang, beside.get(r));
    }
    double[] ratesAlone = Arrays.stream(roundsAlone).mapToDouble(Round::rate).toArray();
    double[] ratesBeside = Arrays.stream(roundsBeside).mapToDouble(Round::rate).toArray();
    // Each column shows its median round (by deliveries/s) in full, and every round's rate.
    Map<String, String> medianAlone = alone.get(medianIndex(ratesAlone));
    Map<String, String> medianBeside = beside.get(medianIndex(ratesBeside));
    report.put("deliveries/s of each round", rates(ratesAlone) + " | " + rates(ratesBeside));
    for (String figure : medianAlone.keySet()) {
      report.put(figure, medianAlone.get(figure) + " | " + medianBeside.getOrDefault(figure, ""));
    }
    medianBeside.forEach((figure, value) -> report.putIfAbsent(figure, " | " + value));
    double slowdown = ratesAlone[medianIndex(ratesAlone)] / ratesBeside[medianIndex(ratesBeside)];
    report.put(
        "slowdown beside the hanging host = median rate alone / median rate beside",
        String.format("%.2f", slowdown));
    csv.put("service alone", roundsAlone[medianIndex(ratesAlone)]);
    csv.put("service beside hanging host", roundsBeside[medianIndex(ratesBeside)]);
    cleanUp();
    print(hang, slowdown);
  }

  /** Deliveries (or requests) per second and latency p50 / p99 in ms: a phase's CSV row. */
  record Round(double rate, double p50, double p99) {}

  static int medianIndex(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    return order[(values.length - 1) / 2];
  }

  static String rates(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(String.format("%,.0f", v));
    }
    return s.toString();
  }

  // --- the sink's ceiling ---

  /**
   * Requests/s and latency of the sink alone: {@code concurrency} request loops on one Vert.x
   * HttpClient (the service's client) with as many keep-alive connections, on its own event loop.
   */
  Round ceiling(int concurrency, Duration length) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      io.vertx.core.http.HttpClient client =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setMaxPoolSize(concurrency)
                  .setKeepAlive(true)
                  .setTcpNoDelay(true));
      Buffer body = Buffer.buffer(payload != null ? payload : "x".repeat(2000));
      RequestOptions options =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setHost("localhost")
              .setPort(sink.port())
              .setURI("/ok/ceiling")
              .putHeader("Content-Type", "application/json");
      Round result = null;
      for (Duration d :
          List.of(Duration.ofSeconds(2), length)) { // warm the client for two seconds first
        long[] latencies = new long[4_000_000];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + d.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
          vertx.runOnContext(
              ignored -> loop(client, options, body, end, latencies, done, finished));
        }
        finished.await();
        double secs = (System.nanoTime() - start) / 1e9;
        int k = Math.min(done.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, k);
        Arrays.sort(sorted);
        result = new Round(k / secs, pct(sorted, 0.5) / 1e6, pct(sorted, 0.99) / 1e6);
      }
      return result;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  static void loop(
      io.vertx.core.http.HttpClient client,
      RequestOptions options,
      Buffer body,
      long end,
      long[] latencies,
      AtomicInteger done,
      CountDownLatch finished) {
    if (System.nanoTime() >= end) {
      finished.countDown();
      return;
    }
    long t = System.nanoTime();
    client
        .request(options)
        .compose(r -> r.send(body))
        .compose(
            r -> {
              if (r.statusCode() != 200) {
                throw new IllegalStateException("sink answered " + r.statusCode());
              }
              return r.end();
            })
        .onComplete(
            r -> {
              if (r.succeeded()) {
                int i = done.getAndIncrement();
                if (i < latencies.length) {
                  latencies[i] = System.nanoTime() - t;
                }
                loop(client, options, body, end, latencies, done, finished);
              } else {
                System.err.println("sink ceiling: " + r.cause());
                finished.countDown();
              }
            });
  }

  // --- one real event ---

  /** A configuration with a callback to the sink and a conversation: its CONVERSATION_CREATED. */
  void samplePayload() throws Exception {
    System.out.println("One conversation through the API, for a real event payload...");
    String callbacks = "[{\"url\":\"" + sink.url("localhost", "/ok/sample") + "\"}]";
    String configuration =
        api(
                "POST",
                "/v2/ControlPlane/Configurations",
                Bench.configuration("callbacks benchmark", callbacks))
            .path("related")
            .path("configurationId")
            .asText();
    api("POST", "/v2/Conversations", Bench.conversation(configuration));
    Instant deadline = Instant.now().plusSeconds(60);
    while ((payload = sink.lastBody.get("/ok/sample")) == null) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "No callback reached the sink within 60 s: see the service's log");
      }
      Thread.sleep(100);
    }
    eventType = JSON.readTree(payload).path("eventType").asText(eventType);
  }

  JsonNode api(String method, String path, String body) throws Exception {
    return JSON.readTree(Bench.api(serviceUrl, account, token, method, path, body));
  }

  // --- a measured phase ---

  /**
   * Loads {@code hang} deliveries to the hanging host and waits until it holds all its slots, then
   * loads {@code count} due deliveries to the healthy sink at T (their commit) and waits until all
   * are SUCCEEDED. Answers deliveries/s = count / (last SUCCEEDED written − T) and the service's
   * attempt latency p50 / p99.
   */
  Round phase(String name, int count, int hang, Map<String, String> out) throws Exception {
    String okUrl = sink.url("localhost", "/ok/" + name);
    String hangUrl = sink.url("127.0.0.1", "/hang/" + name);
    if (hang > 0) {
      load(hangUrl, "127.0.0.1", hang);
      int slots = Math.min(hang, maxPerHost);
      Instant deadline = Instant.now().plusSeconds(30);
      while (sink.count("/hang/" + name) < slots) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "The hanging host got " + sink.count("/hang/" + name) + " of " + slots + " attempts");
        }
        Thread.sleep(20);
      }
    }
    sink.expect("/ok/" + name, count);
    Map<String, Double> metricsBefore = metrics();
    double[] cpuBefore = cpu();
    Instant t = load(okUrl, "localhost", count);
    // The sink's counter is free to read; the database is polled only once the sink has seen all.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (sink.count("/ok/" + name) < count || unfinished(okUrl) > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            name
                + ": not all delivered within 10 minutes (sink got "
                + sink.count("/ok/" + name)
                + " of "
                + count
                + ")");
      }
      Thread.sleep(sink.count("/ok/" + name) < count ? 10 : 50);
    }
    double[] cpuAfter = cpu();
    Map<String, Double> metricsAfter = metrics();
    Round round;
    try (ResultSet r =
        db.createStatement()
            .executeQuery(
                """
        select count(*) filter (where status = 'SUCCEEDED'), count(*) filter (where jsonb_array_length(attempts -> 'attempts') > 1),
          max(updated_at),
          percentile_cont(0.5) within group (order by (attempts -> 'attempts' -> 0 ->> 'latencyMs')::int),
          percentile_cont(0.99) within group (order by (attempts -> 'attempts' -> 0 ->> 'latencyMs')::int),
          max((attempts -> 'attempts' -> 0 ->> 'latencyMs')::int)
        from callback_delivery where url = '%s'"""
                    .formatted(okUrl))) {
      r.next();
      if (r.getLong(1) != count) {
        throw new IllegalStateException(
            name + ": only " + r.getLong(1) + " of " + count + " SUCCEEDED");
      }
      Instant last = r.getObject(3, OffsetDateTime.class).toInstant();
      double rate = count / secs(t, last);
      round = new Round(rate, r.getDouble(4), r.getDouble(5));
      long[] delays = sink.delaysMicros("/ok/" + name, t);
      if (!env("BENCH_TIMELINE", "").isEmpty()) { // requests received per 100 ms after T
        int[] buckets = new int[(int) (delays[delays.length - 1] / 100_000) + 1];
        for (long d : delays) {
          buckets[(int) Math.max(0, d / 100_000)]++;
        }
        System.out.println(name + ": received per 100 ms after T: " + Arrays.toString(buckets));
      }
      long received = sink.count("/ok/" + name);
      out.put("deliveries/s = N / (last SUCCEEDED written − T)", String.format("%,.0f", rate));
      out.put(
          "deliveries/s at the sink = N / (last received − T)",
          String.format("%,.0f", count / (delays[delays.length - 1] / 1e6)));
      out.put("first request at the sink after T (ms)", String.format("%.0f", delays[0] / 1e3));
      out.put(
          "delay T → received at the sink p50 / p99 / max (ms)",
          String.format(
              "%.0f / %.0f / %.0f",
              pct(delays, 0.5) / 1e3, pct(delays, 0.99) / 1e3, delays[delays.length - 1] / 1e3));
      out.put(
          "attempt latency (service, from attempts) p50 / p99 / max (ms)",
          String.format("%.0f / %.0f / %d", r.getDouble(4), r.getDouble(5), r.getLong(6)));
      out.put(
          "requests received by the sink / deliveries retried",
          String.format("%,d / %,d", received, r.getLong(2)));
    }
    double succeeded =
        delta(
            metricsBefore,
            metricsAfter,
            "orchestrator_callbacks_deliveries_total{outcome=\"SUCCEEDED\"}");
    out.put("service metric: SUCCEEDED deliveries counted", String.format("%,.0f", succeeded));
    cpuFigures(cpuBefore, cpuAfter, count, out);
    if (hang > 0) {
      out.put(
          "hanging host: requests received (held open)",
          String.format("%,d", sink.count("/hang/" + name)));
    }
    Sql.exec(db, "delete from callback_delivery where url in ('" + okUrl + "', '" + hangUrl + "')");
    sink.releaseHanging(); // those attempts fail now: the next phase starts without a hanging host
    Sql.exec(db, "vacuum (analyze) callback_delivery");
    return round;
  }

  /**
   * Inserts due deliveries to {@code url} in one transaction; answers its commit time (DB clock).
   */
  Instant load(String url, String host, int count) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into callback_delivery (id, account_sid, conversation_id, event_id, event_type, url, method,
          host, payload, status, attempts, next_attempt_at, created_at, updated_at)
        select gen_random_uuid(), ?, gen_random_uuid(), gen_random_uuid(), ?, ?, 'POST', ?, ?, 'PENDING',
          '{"attempts": []}', now(), now(), now()
        from generate_series(1, ?)""")) {
      insert.setString(1, account);
      insert.setString(2, eventType);
      insert.setString(3, url);
      insert.setString(4, host);
      insert.setString(5, payload);
      insert.setInt(6, count);
      insert.executeUpdate(); // autocommit: visible to the service from here on
    }
    return Sql.instant(db, "select clock_timestamp()");
  }

  long unfinished(String url) throws SQLException {
    return Sql.count(
        db,
        "select count(*) from callback_delivery where status in ('PENDING', 'FAILED_RETRYING')"
            + " and url = '"
            + url
            + "'");
  }

  void cleanUp() throws SQLException {
    Sql.exec(db, "delete from callback_delivery where url like 'http://%:" + sink.port() + "/%'");
  }

  // --- report ---

  void print(int hang, double slowdown) throws IOException, SQLException {
    StringBuilder table = new StringBuilder();
    table.append(machine()).append('\n');
    table.append(
        String.format(
            "| figure (median round of each column) | healthy sink alone | beside %,d deliveries to a hanging host |%n|---|---|---|%n",
            hang));
    report.forEach(
        (k, v) ->
            table
                .append("| ")
                .append(k)
                .append(" | ")
                .append(v.contains(" | ") ? v : v + " | ")
                .append(" |\n"));
    String md = String.format("%n## N = %,d, %s%n%n", n, Instant.now()) + table;
    System.out.print(md);
    Bench.appendResult("callbacks", md);

    Path dir = Bench.outDir();
    if (dir != null) { // the shared results contract (bench/README.md): a section and its plot data
      Files.writeString(
          dir.resolve("callbacks.md"),
          String.format("## Status callbacks, N = %,d deliveries per" + " phase%n%n", n)
              + table
              + "\n"
              + verdict(slowdown)
              + "\n");
      StringBuilder rows = new StringBuilder("phase,deliveries_per_s,p50_ms,p99_ms\n");
      csv.forEach(
          (phase, r) ->
              rows.append(
                  String.format(Locale.ROOT, "%s,%.1f,%.1f,%.1f%n", phase, r.rate, r.p50, r.p99)));
      Files.writeString(dir.resolve("callbacks.csv"), rows);
      System.out.println("Wrote callbacks.md and callbacks.csv to " + dir);
    }
  }

  /**
   * The line under the table: the ratio to the sink's own ceiling and the callbacks issue's
   * targets.
   */
  String verdict(double slowdown) {
    Round service = csv.get("service alone");
    Round sink = csv.get("sink alone " + maxPerHost + " conn");
    return String.format(
        "Against the physical limit: service alone / sink alone at %d connections (its"
            + " max-per-host) = **%.2f** (%,.0f deliveries/s vs %,.0f requests/s). The issue's targets: ≥ 5,000"
            + " deliveries/s %s (%,.0f/s); slowdown beside a hanging host ≤ 1.10 %s (%.2f). The CSV's latencies are"
            + " the sink's request latency and, for the service, its attempt latency.",
        maxPerHost,
        service.rate / sink.rate,
        service.rate,
        sink.rate,
        service.rate >= 5_000 ? "**met**" : "**not met**",
        service.rate,
        slowdown <= 1.10 ? "**met**" : "**not met**",
        slowdown);
  }

  String machine() throws IOException, SQLException {
    return String.format(
        "%s.%n"
            + "Service: callbacks max-per-host %s, max-in-flight %s, dispatch-interval %s, timeout %s; git %s. "
            + "T = commit of the N healthy rows; payload %d bytes; sink: Vert.x HttpServer, %s event loop(s);"
            + " %s rounds after a warm-up of %s deliveries.%n",
        Bench.machine(loadAverageBefore, db),
        env("ORCHESTRATOR_CALLBACKS_MAX_PER_HOST", "16"),
        env("ORCHESTRATOR_CALLBACKS_MAX_IN_FLIGHT", "512"),
        env("ORCHESTRATOR_CALLBACKS_DISPATCH_INTERVAL", "50ms"),
        env("ORCHESTRATOR_CALLBACKS_TIMEOUT", "10s"),
        env("BENCH_GIT", "?"),
        payload == null ? 0 : payload.length(),
        env("BENCH_SINK_THREADS", "1"),
        env("BENCH_ROUNDS", "3"),
        warmup);
  }

  // --- processes: CPU time from /proc ---

  void awaitReady() throws Exception {
    Bench.awaitReady(serviceUrl);
    servicePid = Procs.servicePid();
  }

  /** CPU seconds so far of the service, PostgreSQL, this harness (the sink). */
  double[] cpu() {
    return new double[] {cpuSeconds(servicePid, false), Procs.postgresCpu(), Procs.harnessCpu()};
  }

  static void cpuFigures(double[] before, double[] after, int deliveries, Map<String, String> out) {
    out.put(
        "CPU s per 1000 deliveries: service / PostgreSQL / harness (sink)",
        perThousand(before, after, deliveries));
  }

  // --- small helpers ---

  Map<String, Double> metrics() throws IOException, InterruptedException {
    return Bench.metrics(serviceUrl, Pattern.compile("(?m)^(orchestrator_callbacks_\\S+) (\\S+)$"));
  }
}
