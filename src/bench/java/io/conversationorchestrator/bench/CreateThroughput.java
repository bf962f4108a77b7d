package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.env;
import static io.conversationorchestrator.bench.Bench.loadAverage;
import static io.conversationorchestrator.bench.Bench.secs;
import static io.conversationorchestrator.bench.Procs.cpuSeconds;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The create-throughput and footprint benchmark, run by bench/create-throughput.sh (see
 * bench/README-create.md). POST /v2/Conversations with a CUSTOMER (a new number each time) and a
 * HUMAN_AGENT on SMS, closed-loop at each concurrency, next to pgbench running the service's own
 * transaction (bench/create-conversation.pgbench) on the same database; then an open-loop run at
 * half the highest rate, latency counted from each request's intended send time. Footprint: the
 * service's start-up, and its RSS idle and under the load. A benchmark, not a test: it sleeps.
 *
 * <p>Arguments: {@code --quick} (5 s per measurement) or the seconds per measurement (20).
 * Environment: BENCH_SERVICE_URL; BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD; BENCH_STACK_PID
 * or BENCH_SERVICE_PID (RSS, CPU), BENCH_PG_PID; BENCH_STACK_LOG and BENCH_READY_AT (start-up
 * figures, set by the script); BENCH_PGBENCH (its path; empty or "none": the same transactions over
 * JDBC instead); BENCH_OPERATOR_TOKEN (creates the bench account); BENCH_CONCURRENCY (1,8,32,128);
 * BENCH_IDEMPOTENCY=1 (send Idempotency-Key, pgbench claims keys too); BENCH_OUT (a directory for
 * the report step's files); BENCH_GIT.
 */
public class CreateThroughput {
  static final ObjectMapper JSON = new ObjectMapper();
  // A bench-only account: deleting it deletes every row of the run (foreign keys cascade).
  static final String ACCOUNT = "ACbe0c0000000000000000000000000000";
  static final String TOKEN = "bench-create-auth-token";
  static final String STORE = "mem_store_0benchcreate00000000000000";
  static final String AGENT_ADDRESS = "+15550001111";
  static final String OUTBOX_COPY = "bench_outbox_event";
  static final int MAX_ERRORS = 1000; // per phase: stop sending, the run is not worth finishing
  static final double[] BUCKETS_MS = {
    0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000, 1500, 2000,
    3000, 5000, 7000, 10_000, 20_000, 60_000
  };

  final boolean quick;
  final int seconds; // each measurement
  final int warmSeconds; // before each concurrency's measurement
  final int[] concurrencies;
  final boolean idempotency = env("BENCH_IDEMPOTENCY", "").equals("1");
  final String serviceUrl = env("BENCH_SERVICE_URL", "http://127.0.0.1:8080");
  final URI service = URI.create(serviceUrl);
  final String pgbench = env("BENCH_PGBENCH", "");
  final Connection db;
  final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  final AtomicLong customers =
      new AtomicLong(); // distinct numbers: one open conversation per customer
  long created; // 201s over the whole run, warm-ups included
  long transactions; // the database runs' transactions
  final String loadAverageBefore;
  final Map<String, Double> footprint = new LinkedHashMap<>();
  final List<Row> rows = new ArrayList<>();
  long servicePid;
  long launcherPid;
  String configurationId; // the API's id
  String script; // pgbench's transaction, rendered
  Row paced;

  /** One concurrency: the service's figures and pgbench's. */
  static final class Row {
    int concurrency;
    double rate;
    Histogram latency; // microseconds
    long errors;
    String firstError;
    double[] cpu; // CPU s per 1000 creates: service, PostgreSQL, launcher (Kafka), harness
    double rssPeakMib;
    double achieved; // open loop: the rate the service kept up
    double pgRate = Double.NaN;
    double pgAvgMs = Double.NaN;
    Histogram pgLatency;
    long pgFailed;
    double[] pgCpu; // CPU s per 1000 transactions: PostgreSQL, client (pgbench or JDBC)
  }

  CreateThroughput(boolean quick, int seconds) throws Exception {
    this.quick = quick;
    this.seconds = seconds;
    this.warmSeconds = quick ? 2 : 5;
    this.concurrencies =
        Arrays.stream(env("BENCH_CONCURRENCY", "1,8,32,128").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    this.db = Sql.connect(false);
    this.loadAverageBefore = loadAverage();
  }

  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    int seconds = quick ? 5 : args.length > 0 ? Integer.parseInt(args[0]) : 20;
    CreateThroughput bench = new CreateThroughput(quick, seconds);
    try {
      bench.awaitReady();
      bench.run();
    } finally {
      if (env("BENCH_THROWAWAY", "").isEmpty()) { // a throw-away stack is discarded with its rows
        System.out.println("Deleting the bench account's rows...");
        bench.cleanUp();
      }
    }
    System.exit(0); // the HTTP client's threads would keep the JVM alive
  }

  void run() throws Exception {
    footprintIdle();
    setUp();
    RssSampler rss = new RssSampler();
    int warmup = quick ? 5 : 15;
    System.out.printf(
        "Warm-up: %d s at concurrency 32 (not reported; a fresh JVM compiles)...%n", warmup);
    rss.loading = true;
    CreateLoad.closedLoop(this, 32, warmup);
    rss.loading = false;
    for (int c : concurrencies) {
      Row row = new Row();
      row.concurrency = c;
      System.out.printf(
          "Concurrency %d: %d s warm-up, %d s measured...%n", c, warmSeconds, seconds);
      rss.loading = true;
      CreateLoad.closedLoop(this, c, warmSeconds);
      rss.phasePeak = 0;
      double[] before = cpu();
      CreateLoad load = CreateLoad.closedLoop(this, c, seconds);
      double[] after = cpu();
      rss.loading = false;
      row.rate = load.rate();
      row.latency = load.latency;
      row.errors = load.errors;
      row.firstError = load.firstError;
      row.cpu = Bench.perThousandValues(before, after, load.completed);
      row.rssPeakMib = rss.phasePeak / 1024.0;
      System.out.printf(
          "  service: %,.0f creates/s, p50 %.1f ms, p99 %.1f ms, %d errors%s%n",
          row.rate,
          ms(load.latency, 50),
          ms(load.latency, 99),
          load.errors,
          load.firstError == null ? "" : " (" + load.firstError + ")");
      database(row);
      rows.add(row);
    }
    double max = rows.stream().mapToDouble(r -> r.rate).max().orElse(0);
    double rate = Math.max(1, Math.round(max / 2));
    System.out.printf(
        "Open loop at half the highest rate: %,.0f requests/s for %d s...%n", rate, seconds);
    rss.loading = true;
    double[] before = cpu();
    CreateLoad load = CreateLoad.paced(this, rate, seconds);
    double[] after = cpu();
    rss.loading = false;
    paced = new Row();
    paced.rate = rate;
    paced.achieved = load.rate();
    paced.latency = load.latency;
    paced.errors = load.errors;
    paced.firstError = load.firstError;
    paced.cpu = Bench.perThousandValues(before, after, load.completed);
    rss.close();
    footprint.put("rss_load_peak_mib", rss.peak / 1024.0);
    footprint.put("threads_load_peak", (double) rss.peakThreads);
    footprint.put("rss_hwm_mib", status("VmHWM") / 1024.0);
    footprint.put("rss_after_load_mib", status("VmRSS") / 1024.0);
    footprint.put("heap_used_after_load_mib", heapUsedMib());
    checkRows();
    report();
  }

  // --- footprint ---

  void footprintIdle() throws Exception {
    String log = env("BENCH_STACK_LOG", "");
    if (!log.isEmpty() && Files.exists(Path.of(log))) {
      Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(Path.of(log)));
      if (m.find()) {
        footprint.put("start_seconds", Double.parseDouble(m.group(1)));
      }
    }
    String readyAt = env("BENCH_READY_AT", "");
    Instant started =
        ProcessHandle.of(servicePid).flatMap(p -> p.info().startInstant()).orElse(null);
    if (!readyAt.isEmpty() && started != null) {
      double ready = Double.parseDouble(readyAt) - started.toEpochMilli() / 1000.0;
      footprint.put("ready_seconds", ready);
    }
    int settle = quick ? 2 : 5;
    System.out.printf("Service idle for %d s, then RSS and heap...%n", settle);
    Thread.sleep(settle * 1000L);
    footprint.put("rss_idle_mib", status("VmRSS") / 1024.0);
    footprint.put("heap_used_idle_mib", heapUsedMib());
    footprint.put("threads_idle", (double) status("Threads"));
  }

  /** Samples the service's VmRSS and thread count every 200 ms; peaks while {@code loading}. */
  final class RssSampler implements AutoCloseable {
    final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    volatile boolean loading;
    volatile long peak;
    volatile long phasePeak;
    volatile long peakThreads;

    RssSampler() {
      timer.scheduleAtFixedRate(
          () -> {
            if (loading) {
              long kib = status("VmRSS");
              peak = Math.max(peak, kib);
              phasePeak = Math.max(phasePeak, kib);
              peakThreads = Math.max(peakThreads, status("Threads"));
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  /** A field of /proc/pid/status of the service (kB for memory), 0 when unknown. */
  long status(String field) {
    return Procs.statusKib(servicePid, field);
  }

  /** Sum of jvm_memory_used_bytes{area="heap"} from /q/metrics, in MiB. */
  double heapUsedMib() throws IOException, InterruptedException {
    String metrics = get("/q/metrics");
    Matcher m =
        Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)")
            .matcher(metrics);
    double bytes = 0;
    while (m.find()) {
      bytes += Double.parseDouble(m.group(1));
    }
    return bytes / 1024 / 1024;
  }

  // --- set-up: the bench account, its configuration, and one conversation's rows ---

  void setUp() throws Exception {
    System.out.println(
        "Set-up: bench account, configuration, one conversation for the row shapes...");
    cleanUp();
    Sql.exec(db, "create table " + OUTBOX_COPY + " (like outbox_event including all)");
    // UUIDv7: 48 bits of Unix milliseconds, version 7, variant 2, random bits (the service's ids).
    Sql.exec(
        db,
        """
        create function bench_uuid7() returns uuid language sql volatile as $$
          select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
            substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
            from 1 for 6), 52, 1), 53, 1), 'hex')::uuid $$""");
    HttpResponse<String> account =
        send(
            "POST",
            "/operator/Accounts",
            "Bearer " + env("BENCH_OPERATOR_TOKEN", "dev-operator-token"),
            "{\"sid\":\"%s\",\"authToken\":\"%s\",\"friendlyName\":\"create benchmark\"}"
                .formatted(ACCOUNT, TOKEN));
    check(account, "create the bench account (BENCH_OPERATOR_TOKEN?)");
    configurationId =
        JSON.readTree(
                api(
                    "POST",
                    "/v2/ControlPlane/Configurations",
                    """
        {"displayName":"create benchmark","description":"Configuration for API-created conversations",
         "conversationGroupingType":"GROUP_BY_PROFILE","memoryStoreId":"%s",
         "channelSettings":{"SMS":{"statusTimeouts":{"inactive":30,"closed":1440}}}}"""
                        .formatted(STORE)))
            .path("related")
            .path("configurationId")
            .asText();
    String address = customerAddress(customers.incrementAndGet());
    String response = api("POST", "/v2/Conversations", requestBody(address));
    // The service's own column values, for pgbench's rows.
    Map<String, String> values = new HashMap<>();
    try (ResultSet r =
        db.createStatement()
            .executeQuery(
                """
        select cast(c.configuration_id as text), c.configuration::text, c.channel_activity::text, c.name,
          cu.contact::text, cu.name, ag.contact::text, ag.name
        from conversation c join participant cu on cu.conversation_id = c.id and cu.type = 'CUSTOMER'
          join participant ag on ag.conversation_id = c.id and ag.type = 'HUMAN_AGENT'
        where c.account_sid = '%s'"""
                    .formatted(ACCOUNT))) {
      if (!r.next()) {
        throw new IllegalStateException(
            "The sample conversation is not in " + env("BENCH_JDBC_URL", "?"));
      }
      String contact = r.getString(5);
      int at = contact.indexOf(address);
      values.put("CONFIGURATION", r.getString(1));
      values.put("SNAPSHOT", literal(r.getString(2)));
      values.put("CHANNEL_ACTIVITY", literal(r.getString(3)));
      values.put("NAME", literal(r.getString(4)));
      values.put("CUSTOMER_CONTACT_HEAD", literal(contact.substring(0, at + 2))); // up to "+1
      values.put("CUSTOMER_CONTACT_TAIL", literal(contact.substring(at + address.length())));
      values.put("CUSTOMER_NAME", literal(r.getString(6)));
      values.put("AGENT_CONTACT", literal(r.getString(7)));
      values.put("AGENT_NAME", literal(r.getString(8)));
    }
    // The outbox payload as Outbox writes it: {eventType, timestamp, data: the API's answer}.
    values.put(
        "PAYLOAD",
        literal(
            "{\"eventType\":\"CONVERSATION_CREATED\",\"timestamp\":\""
                + Instant.now()
                + "\",\"data\":"
                + response
                + "}"));
    values.put("RESPONSE", literal(response));
    values.put(
        "FINGERPRINT",
        literal(String.format("%064x", new java.math.BigInteger(256, new java.util.Random()))));
    values.put("ACCOUNT", ACCOUNT);
    values.put("STORE", STORE);
    values.put("OUTBOX", OUTBOX_COPY);
    script = render(Files.readString(Path.of("bench/create-conversation.pgbench")), values);
    Files.writeString(
        Path.of("target/create-conversation.rendered.pgbench"), script); // to read or rerun
  }

  /** Both sides wrote what a create writes: 2 participants, a grouping key, a profile, an event. */
  void checkRows() throws SQLException {
    long conversations =
        Long.parseLong(
            Sql.string(
                db, "select count(*) from conversation where account_sid = '" + ACCOUNT + "'"));
    long incomplete =
        Long.parseLong(
            Sql.string(
                db,
                "select count(*) from conversation c where account_sid = '"
                    + ACCOUNT
                    + "' and (grouping_key is null or (select count(*) from participant p where p.conversation_id = c.id) <> 2)"));
    long profiles =
        Long.parseLong(
            Sql.string(db, "select count(*) from profile where account_sid = '" + ACCOUNT + "'"));
    long events = Long.parseLong(Sql.string(db, "select count(*) from " + OUTBOX_COPY));
    long expected = created + transactions + 1; // + the sample conversation
    boolean ok =
        conversations == expected
            && incomplete == 0
            && profiles == expected
            && events == transactions;
    System.out.printf(
        "Check: %,d conversations (expected %,d: %,d through the API, %,d database transactions, 1 sample),"
            + " %,d without 2 participants or a grouping key, %,d profiles, %,d database events: %s%n",
        conversations,
        expected,
        created,
        transactions,
        incomplete,
        profiles,
        events,
        ok ? "ok" : "MISMATCH");
  }

  /**
   * The template with its values: comment lines dropped, idempotency blocks kept only when the HTTP
   * requests send a key too.
   */
  String render(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    boolean inIdempotency = false;
    for (String line : template.split("\n")) {
      String t = line.trim();
      if (t.equals("-- idempotency {")) {
        inIdempotency = true;
      } else if (inIdempotency && t.equals("-- }")) {
        inIdempotency = false;
      } else if (!t.startsWith("--") && !t.isEmpty() && (!inIdempotency || idempotency)) {
        out.append(line).append('\n');
      }
    }
    Matcher m = Pattern.compile("@([A-Z_]+)@").matcher(out);
    StringBuilder rendered = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "No value for @" + m.group(1) + "@ in the pgbench template");
      }
      m.appendReplacement(rendered, Matcher.quoteReplacement(value));
    }
    m.appendTail(rendered);
    return rendered.toString();
  }

  /**
   * A string constant for the script. Colons are escaped: in prepared mode pgbench takes every
   * ":name" for a variable, even inside a literal (a timestamp's ":48" included).
   */
  static String literal(String s) {
    return "E'" + s.replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a") + "'";
  }

  static String customerAddress(long n) {
    return String.format("+1%012d", n);
  }

  String requestBody(String customer) {
    return """
        {"configurationId":"%s","name":"Support chat for Kiran","participants":[
         {"name":"Kiran A.","type":"CUSTOMER","addresses":[{"channel":"SMS","address":"%s"}]},
         {"name":"Kai B.","type":"HUMAN_AGENT","addresses":[{"channel":"SMS","address":"%s"}]}]}"""
        .formatted(configurationId, customer, AGENT_ADDRESS);
  }

  /** Deletes the bench account (cascading to every row of the run) and the bench's own objects. */
  void cleanUp() throws SQLException {
    // profile_address has no index on profile_id: without one for the time being, the cascade
    // from each deleted profile would scan the whole table.
    Sql.exec(
        db,
        "create index if not exists bench_profile_address_profile on profile_address (profile_id)");
    Sql.exec(db, "delete from account where sid = '" + ACCOUNT + "'");
    Sql.exec(db, "drop index bench_profile_address_profile");
    Sql.exec(db, "drop table if exists " + OUTBOX_COPY);
    Sql.exec(db, "drop function if exists bench_uuid7()");
  }

  // --- the database alone: pgbench, or the same transactions over JDBC ---

  void database(Row row) throws Exception {
    double[] before = cpu();
    boolean viaPgbench =
        !pgbench.isEmpty() && !pgbench.equals("none") && Files.isExecutable(Path.of(pgbench));
    long done = viaPgbench ? pgbench(row) : jdbc(row);
    transactions += done;
    double[] after = cpu();
    // PostgreSQL, and the client: pgbench is a child of this JVM, reaped before `after` is read.
    double[] all = Bench.perThousandValues(before, after, done);
    row.pgCpu = new double[] {all[1], all[3]};
    System.out.printf(
        "  %s: %,.0f transactions/s, average %.1f ms, %d failed%n",
        viaPgbench ? "pgbench" : "JDBC", row.pgRate, row.pgAvgMs, row.pgFailed);
  }

  /** Runs pgbench -M prepared with the rendered script; answers the transactions done. */
  long pgbench(Row row) throws Exception {
    Path dir = Files.createTempDirectory("bench-create-pgbench");
    try {
      Path file = dir.resolve("create-conversation.pgbench");
      Files.writeString(file, script);
      URI url =
          URI.create(
              env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/orchestrator").substring(5));
      int c = row.concurrency;
      int threads = Math.max(1, Math.min(c, Runtime.getRuntime().availableProcessors()));
      while (c % threads != 0) {
        threads--;
      }
      List<String> command =
          List.of(
              pgbench,
              "-n",
              "-M",
              "prepared",
              "-c",
              String.valueOf(c),
              "-j",
              String.valueOf(threads),
              "-T",
              String.valueOf(seconds),
              "-f",
              file.toString(),
              "-l",
              "--log-prefix",
              dir.resolve("tx").toString(),
              "-h",
              url.getHost(),
              "-p",
              String.valueOf(url.getPort()),
              "-U",
              env("BENCH_DB_USER", "postgres"),
              url.getPath().substring(1));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", env("BENCH_DB_PASSWORD", "postgres"));
      Process p = builder.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial").matcher(output);
      Matcher avg = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
      Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
      Matcher done =
          Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
      if (exit != 0 || !tps.find() || !done.find()) {
        System.out.println("pgbench failed (exit " + exit + "):\n" + output);
        return 0;
      }
      row.pgRate = Double.parseDouble(tps.group(1));
      row.pgAvgMs = avg.find() ? Double.parseDouble(avg.group(1)) : Double.NaN;
      row.pgFailed = failed.find() ? Long.parseLong(failed.group(1)) : 0;
      // Per-transaction log lines: client transaction latency_us script epoch epoch_us.
      row.pgLatency = new Histogram(60_000_000L, 3);
      try (Stream<Path> logs = Files.list(dir)) {
        for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
          for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].matches("\\d+")) {
              row.pgLatency.recordValue(Math.min(Math.max(1, Long.parseLong(f[2])), 60_000_000L));
            }
          }
        }
      }
      return Long.parseLong(done.group(1));
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  /** No pgbench: the rendered script's transactions over JDBC, one connection per client thread. */
  long jdbc(Row row) throws Exception {
    System.out.println(
        "  pgbench not found (BENCH_PGBENCH): the same transactions over JDBC instead");
    List<PgbenchStep> steps = PgbenchStep.parse(script);
    int c = row.concurrency;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<CompletableFuture<Histogram>> clients = new ArrayList<>();
    AtomicLong failed = new AtomicLong();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(c);
    long start = System.nanoTime();
    for (int i = 0; i < c; i++) {
      clients.add(
          CompletableFuture.supplyAsync(
              () -> {
                Histogram h = new Histogram(60_000_000L, 3);
                try (Connection conn = Sql.connect(true)) {
                  conn.setAutoCommit(false);
                  Map<PgbenchStep, PreparedStatement> prepared = new HashMap<>();
                  while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                      PgbenchStep.run(steps, conn, prepared);
                      h.recordValue(
                          Math.min(Math.max(1, (System.nanoTime() - t) / 1000), 60_000_000L));
                    } catch (SQLException e) {
                      conn.rollback();
                      if (failed.incrementAndGet() == 1) {
                        System.out.println("  JDBC transaction failed: " + e.getMessage());
                      }
                    }
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
                return h;
              },
              threads));
    }
    threads.shutdown();
    row.pgLatency = new Histogram(60_000_000L, 3);
    for (CompletableFuture<Histogram> client : clients) {
      row.pgLatency.add(client.get());
    }
    double secs = (System.nanoTime() - start) / 1e9;
    row.pgRate = row.pgLatency.getTotalCount() / secs;
    row.pgAvgMs = row.pgLatency.getMean() / 1000;
    row.pgFailed = failed.get();
    return row.pgLatency.getTotalCount();
  }

  // --- report ---

  void report() throws Exception {
    Row at32 = rows.stream().filter(r -> r.concurrency == 32).findFirst().orElse(null);
    String pgLabel =
        !pgbench.isEmpty() && !pgbench.equals("none") && Files.isExecutable(Path.of(pgbench))
            ? "pgbench -M prepared"
            : "JDBC (pgbench not found)";
    StringBuilder create = new StringBuilder();
    create.append(
        String.format(
            "## Create throughput: POST /v2/Conversations, 2 participants (%s)%n%n",
            Instant.now()));
    create.append(machine(pgLabel)).append('\n');
    create.append(
        "| concurrency | service: creates/s | latency p50 / p99 / max (ms) | errors | "
            + pgLabel
            + ": transactions/s | its latency avg / p50 / p99 / max (ms) | service ÷ database |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      create.append(
          String.format(
              "| %d | %,.0f | %.1f / %.1f / %.1f | %d | %,.0f | %.1f / %.1f / %.1f / %.1f | %.2f |%n",
              r.concurrency,
              r.rate,
              ms(r.latency, 50),
              ms(r.latency, 99),
              maxMs(r.latency),
              r.errors,
              r.pgRate,
              r.pgAvgMs,
              ms(r.pgLatency, 50),
              ms(r.pgLatency, 99),
              maxMs(r.pgLatency),
              r.rate / r.pgRate));
    }
    create.append(
        String.format(
            "%n| open loop | asked (requests/s) | achieved (creates/s) | latency from intended send"
                + " p50 / p99 / max (ms) | errors |%n|---|---|---|---|---|%n| half the highest closed-loop rate | %,.0f | %,.0f |"
                + " %.1f / %.1f / %.1f | %d |%n",
            paced.rate,
            paced.achieved,
            ms(paced.latency, 50),
            ms(paced.latency, 99),
            maxMs(paced.latency),
            paced.errors));
    create.append(
        "\n| concurrency | CPU s per 1000 creates: service / PostgreSQL / launcher (Kafka) / harness"
            + " | CPU s per 1000 database transactions: PostgreSQL / client | service RSS peak (MiB) |\n|---|---|---|---|\n");
    for (Row r : rows) {
      create.append(
          String.format(
              "| %d | %s | %s | %.0f |%n",
              r.concurrency, Bench.slashed(r.cpu), Bench.slashed(r.pgCpu), r.rssPeakMib));
    }
    create.append(String.format("| open loop | %s | | |%n", Bench.slashed(paced.cpu)));
    for (Row r : rows) {
      if (r.firstError != null) {
        create.append(
            String.format("%nFirst error at concurrency %d: %s%n", r.concurrency, r.firstError));
      }
    }
    if (paced.firstError != null) {
      create.append(String.format("%nFirst error in the open loop: %s%n", paced.firstError));
    }
    double ratio = at32 == null ? Double.NaN : at32.rate / at32.pgRate;
    double p99 = ms(paced.latency, 99);
    create.append(
        String.format(
            "%nService ÷ %s at concurrency 32: **%.2f** (target ≥ 0.5: %s); at half the highest"
                + " rate (%,.0f requests/s, open loop) p99 = **%.1f ms** (target ≤ 25 ms: %s).%n",
            pgLabel,
            ratio,
            ratio >= 0.5 ? "met" : "not met",
            paced.rate,
            p99,
            p99 <= 25 ? "met" : "not met"));

    StringBuilder foot = new StringBuilder();
    foot.append(
        String.format("## Footprint: start-up and RSS of the service (%s)%n%n", Instant.now()));
    foot.append("| figure | value |\n|---|---|\n");
    String[][] labels = {
      {"start_seconds", "Quarkus \"started in\" (s)", "%.3f"},
      {"ready_seconds", "JVM process start → /q/health/ready answers 200 (s)", "%.2f"},
      {"rss_idle_mib", "RSS idle, after start-up and a settle (MiB)", "%.0f"},
      {"heap_used_idle_mib", "heap used idle, jvm_memory_used_bytes{area=\"heap\"} (MiB)", "%.0f"},
      {"threads_idle", "threads idle", "%.0f"},
      {"rss_load_peak_mib", "RSS peak under the create load, sampled every 200 ms (MiB)", "%.0f"},
      {"threads_load_peak", "threads peak under the load", "%.0f"},
      {"rss_hwm_mib", "VmHWM at the end (MiB)", "%.0f"},
      {"rss_after_load_mib", "RSS after the load (MiB)", "%.0f"},
      {"heap_used_after_load_mib", "heap used after the load (MiB)", "%.0f"}
    };
    for (String[] l : labels) {
      if (footprint.containsKey(l[0])) {
        foot.append("| ")
            .append(l[1])
            .append(" | ")
            .append(String.format(Locale.ROOT, l[2], footprint.get(l[0])))
            .append(" |\n");
      }
    }
    long memMib = Bench.memTotalKib() / 1024;
    foot.append(
        String.format(
            "%nThe issue sets no target for the footprint; the RSS peak under load is %.1f%% of the"
                + " machine's %,d MiB (deployment/run-local.sh's JVM options: sized as in a pod of"
                + " k8s/base, 576 MiB heap at most, serial collector).%n",
            100 * footprint.getOrDefault("rss_load_peak_mib", 0.0) / memMib, memMib));

    System.out.print("\n" + create + "\n" + foot);
    Path dir = Bench.outDir();
    if (dir != null) {
      Files.writeString(dir.resolve("create.md"), create);
      Files.writeString(dir.resolve("footprint.md"), foot);
      csv(
          dir.resolve("create-concurrency.csv"),
          "concurrency,requests_per_s,p50_ms,p99_ms,max_ms,errors,service_cpu_ms,postgres_cpu_ms",
          rows.stream()
              .map(
                  r ->
                      fmt(
                          "%d,%.1f,%.3f,%.3f,%.3f,%d,%.4f,%.4f",
                          r.concurrency,
                          r.rate,
                          ms(r.latency, 50),
                          ms(r.latency, 99),
                          maxMs(r.latency),
                          r.errors,
                          r.cpu[0],
                          r.cpu[1]))
              .toList());
      csv(
          dir.resolve("create-pgbench.csv"),
          "clients,tps,latency_avg_ms,postgres_cpu_ms",
          rows.stream()
              .map(r -> fmt("%d,%.1f,%.3f,%.4f", r.concurrency, r.pgRate, r.pgAvgMs, r.pgCpu[0]))
              .toList());
      List<String> buckets = new ArrayList<>();
      for (Row r : rows) {
        long[] counts = new long[BUCKETS_MS.length];
        for (HistogramIterationValue v : r.latency.recordedValues()) {
          double valueMs = r.latency.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
          int b = 0;
          while (b < BUCKETS_MS.length - 1 && valueMs > BUCKETS_MS[b]) {
            b++;
          }
          counts[b] += v.getCountAtValueIteratedTo();
        }
        for (int b = 0; b < BUCKETS_MS.length; b++) {
          buckets.add(fmt("%d,%s,%d", r.concurrency, plain(BUCKETS_MS[b]), counts[b]));
        }
      }
      csv(dir.resolve("create-latency.csv"), "concurrency,bucket_upper_ms,count", buckets);
      csv(
          dir.resolve("create-paced.csv"),
          "rate_per_s,achieved_per_s,p50_ms,p99_ms,max_ms",
          List.of(
              fmt(
                  "%.1f,%.1f,%.3f,%.3f,%.3f",
                  paced.rate,
                  paced.achieved,
                  ms(paced.latency, 50),
                  ms(paced.latency, 99),
                  maxMs(paced.latency))));
      List<String> metrics = new ArrayList<>();
      footprint.forEach((k, v) -> metrics.add(fmt("%s,%.3f", k, v)));
      csv(dir.resolve("footprint.csv"), "metric,value", metrics);
      System.out.println("\nWrote create.md, create-*.csv, footprint.md, footprint.csv to " + dir);
    } else {
      Bench.appendResult("create-throughput", "\n" + create + "\n" + foot);
    }
  }

  static String plain(double v) {
    return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
  }

  static void csv(Path file, String header, List<String> lines) throws IOException {
    Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  String machine(String pgLabel) throws IOException, SQLException {
    return String.format(
        "%s, fsync=%s, max_connections=%s.%n"
            + "Service: reactive pool max-size %s; git %s. Each concurrency: %d s warm-up, then %d s measured, closed loop"
            + " (Vert.x HttpClient, one connection per client, one event loop in the harness); then %s with as many"
            + " clients for %d s on the same database (bench/create-conversation.pgbench; its CONVERSATION_CREATED rows"
            + " go to a copy of outbox_event); Idempotency-Key %s. A new customer number per request.%n",
        Bench.machine(loadAverageBefore, db),
        Sql.string(db, "show fsync"),
        Sql.string(db, "show max_connections"),
        env("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", "20 (default)"),
        env("BENCH_GIT", "?"),
        warmSeconds,
        seconds,
        pgLabel,
        seconds,
        idempotency ? "sent (and claimed by the database run)" : "not sent");
  }

  static double ms(Histogram h, double percentile) {
    return h == null || h.getTotalCount() == 0
        ? Double.NaN
        : h.getValueAtPercentile(percentile) / 1000.0;
  }

  static double maxMs(Histogram h) {
    return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
  }

  // --- processes: CPU time from /proc ---

  void awaitReady() throws Exception {
    Bench.awaitReady(serviceUrl);
    servicePid = Procs.servicePid();
    launcherPid = Procs.launcherPid();
  }

  /**
   * CPU seconds so far: service, PostgreSQL (with its ended children), launcher (Kafka), this JVM
   * with its children (pgbench).
   */
  double[] cpu() {
    return new double[] {
      cpuSeconds(servicePid, false),
      Procs.postgresCpu(),
      cpuSeconds(launcherPid, false),
      cpuSeconds(ProcessHandle.current().pid(), true)
    };
  }

  // --- small helpers ---

  String api(String method, String path, String body) throws Exception {
    return check(
            send(
                method,
                path,
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                body),
            method + " " + path)
        .body();
  }

  String get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null).body();
  }

  HttpResponse<String> send(String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(serviceUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> check(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }
}
