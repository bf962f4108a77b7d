package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.delta;
import static io.conversationorchestrator.bench.Bench.env;
import static io.conversationorchestrator.bench.Bench.loadAverage;
import static io.conversationorchestrator.bench.Bench.perThousand;
import static io.conversationorchestrator.bench.Bench.secs;
import static io.conversationorchestrator.bench.Procs.cpuSeconds;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * The lifecycle sweep benchmark, run by bench/lifecycle-sweep.sh (see bench/README.md): loads N
 * conversations due at one instant T straight into the database, waits until the running service
 * has closed them all and relayed their events, then does the sweeper's database work without the
 * service on a second set of min(N, BENCH_RAW_MAX) rows. A benchmark, not a test: it sleeps between
 * polls.
 *
 * <p>Environment: BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD; BENCH_SERVICE_URL (readiness
 * and /q/metrics); BENCH_STACK_PID or BENCH_SERVICE_PID, BENCH_PG_PID (RSS and CPU figures);
 * BENCH_TIMEOUT_UNIT (the service's); BENCH_WARMUP (conversations swept first, unreported);
 * BENCH_SPREAD_SECONDS (deadlines spread over this window instead of one instant);
 * BENCH_RAW_CONNECTIONS (default: the service's sweep workers); BENCH_RAW_MAX (rows of the raw set,
 * default 200000); BENCH_LOAD_MARGIN (T is this many predicted load times ahead, default 1.5);
 * BENCH_QUICK (a smaller warm-up); BENCH_THROWAWAY (the stack is discarded: skip the final delete);
 * BENCH_OUT (also write lifecycle-N.md and lifecycle-N.csv there, bench/README.md).
 */
public class LifecycleSweep {
  // A bench-only account: its rows are easy to find and delete, and stay out of the dev account.
  static final String ACCOUNT = "ACbe4c0000000000000000000000000000";
  static final int RAW_BATCH = 500;

  /** A configuration snapshot as the API stores it: SMS closes after 1 unit, no callbacks. */
  static final String SNAPSHOT =
      """
      {"description": "Configuration for API-created conversations", "displayName": "bench",
       "memoryStoreId": "mem_store_01k1etx3jbfx88476ccja0889d",
       "channelSettings": {"SMS": {"captureRules": [], "statusTimeouts": {"closed": 1, "inactive": null}}},
       "statusCallbacks": [], "conversationsV1Bridge": null, "memoryExtractionEnabled": false,
       "conversationGroupingType": "GROUP_BY_PROFILE", "traitExtractionStrategyIds": [],
       "intelligenceConfigurationIds": [], "observationExtractionStrategyIds": []}""";

  // Version-7-shaped ids: the creation time in milliseconds, then an md5 of the row's key.
  static final String ID =
      "(lpad(to_hex((extract(epoch from created) * 1000)::bigint), 12, '0') || '7'"
          + " || substr(md5(%1$s), 1, 3) || '8' || substr(md5(%1$s), 4, 15))::uuid";

  final int n;
  final Connection db;
  final String serviceUrl = env("BENCH_SERVICE_URL", "http://127.0.0.1:8080");
  final Duration unit =
      env("BENCH_TIMEOUT_UNIT", "MINUTES").equals("SECONDS")
          ? Duration.ofSeconds(1)
          : Duration.ofMinutes(1);
  final Duration spread =
      Duration.ofMillis((long) (1000 * Double.parseDouble(env("BENCH_SPREAD_SECONDS", "0"))));
  final boolean quick = !env("BENCH_QUICK", "").isEmpty();
  final Map<String, String> report = new LinkedHashMap<>();
  // HTTP/1.1: the JDK client's default h2c upgrade fails on large /q/metrics answers now and then
  // ("Frame ... exceeds MAX_FRAME_SIZE"), and the poller reads them once a second.
  final String loadAverageBefore;
  long servicePid; // known once the service is up
  String payload = SNAPSHOT; // replaced by a real event payload once the service wrote one

  LifecycleSweep(int n) throws SQLException, IOException {
    this.n = n;
    this.db = Sql.connect();
    this.loadAverageBefore = loadAverage();
  }

  public static void main(String[] args) throws Exception {
    LifecycleSweep bench =
        new LifecycleSweep(args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000);
    bench.awaitReady();
    bench.run();
  }

  void run() throws Exception {
    prepare();
    Instant far = now().plus(Duration.ofDays(36_500)); // the raw set is never due for the service
    // The raw set is capped: loading 2 x 1M rows with 2M participants takes minutes, and the raw
    // rate (batches of 500 at the head of an index) does not depend on how many rows follow.
    int rawCount = Math.min(n, Integer.parseInt(env("BENCH_RAW_MAX", "200000")));
    long loadStart = System.nanoTime();
    load(UUID.randomUUID(), rawCount, far, Duration.ZERO);
    // Load time per conversation sizes the margin before T of the sets loaded next.
    Duration perRow = Duration.ofNanos(System.nanoTime() - loadStart).dividedBy(rawCount);

    int warmup =
        Integer.parseInt(env("BENCH_WARMUP", String.valueOf(Math.min(n, quick ? 2_000 : 20_000))));
    if (warmup > 0) { // a fresh JVM compiles for seconds: measure the service as it runs for days
      System.out.printf(
          "Warm-up: %,d conversations through the service (not reported)...%n", warmup);
      servicePhase(warmup, perRow, new LinkedHashMap<>());
    }
    Map<String, String> service = new LinkedHashMap<>();
    Phase measured = servicePhase(n, perRow, service);
    report.putAll(service);

    int connections =
        Integer.parseInt(
            env("BENCH_RAW_CONNECTIONS", env("ORCHESTRATOR_LIFECYCLE_SWEEP_WORKERS", "2")));
    System.out.printf(
        "Raw PostgreSQL: the sweeper's statements on %,d rows, batches of %d, %d connection(s)...%n",
        rawCount, RAW_BATCH, connections);
    double raw = rawPhase(far, connections);
    String rawLabel =
        String.format(
            "raw PostgreSQL transitions/s (%,d rows%s, %d connections)",
            rawCount, rawCount < n ? " = min(N, BENCH_RAW_MAX)" : "", connections);
    report.put(rawLabel, String.format("%,.0f", raw));
    report.put("ratio service/raw", String.format("%.2f", measured.rate / raw));
    if (env("BENCH_THROWAWAY", "")
        .isEmpty()) { // a throw-away stack goes whole, faster than a delete
      cleanUp();
    }
    print(measured, raw, rawCount, connections);
  }

  /** The figures of one measured set, for the CSV; RSS and old generation in KiB and bytes. */
  record Phase(
      double rate,
      double p50,
      double p99,
      double max,
      double seconds,
      long rssBefore,
      long rssPeak,
      double oldGenPeak,
      double[] cpuPerThousand) {}

  /** Loads {@code count} conversations due at T, waits until they are CLOSED and relayed. */
  Phase servicePhase(int count, Duration perRow, Map<String, String> out) throws Exception {
    Map<String, Double> metricsBefore = metrics("orchestrator_lifecycle_");
    long rssIdle = rss("VmRSS");
    double margin = Double.parseDouble(env("BENCH_LOAD_MARGIN", "1.5"));
    Instant start = now();
    Instant t = start.plusNanos((long) (perRow.toNanos() * (double) count * margin)).plusSeconds(5);
    UUID set = UUID.randomUUID();
    load(set, count, t, spread);
    Instant loaded = now();
    if (!loaded.isBefore(t)) {
      throw new IllegalStateException(
          "The load ended after T ("
              + loaded
              + " > "
              + t
              + "): figures would be"
              + " wrong. Raise BENCH_LOAD_MARGIN (now "
              + margin
              + ") on a machine this busy");
    }
    out.put(
        "load N conversations + 2N participants (s)", String.format("%.1f", secs(start, loaded)));
    double[] cpuBefore = cpu(); // from here on only the service works (idle sweeps until T)
    System.out.printf(
        "Loaded %,d due at T=%s (%.1f s ahead)%s; the service sweeps them...%n",
        count,
        t,
        secs(loaded, t),
        spread.isZero() ? "" : " and over " + spread.toMillis() / 1000.0 + " s after");
    Observed seen = watch(set, count, t.plus(spread));
    Phase figures = sweepFigures(set, count, t, seen, out);
    serviceFigures(metricsBefore, rssIdle, seen, out);
    double[] cpuAfter = cpu();
    cpuFigures("service", cpuBefore, cpuAfter, count, out);
    vacuum(); // the next set starts from a table without dead rows
    return new Phase(
        figures.rate,
        figures.p50,
        figures.p99,
        figures.max,
        figures.seconds,
        rssIdle,
        seen.peakRss,
        seen.peakOldGen,
        Bench.perThousandValues(cpuBefore, cpuAfter, count));
  }

  /** The bench account; rows of an interrupted earlier run go. */
  void prepare() throws SQLException {
    Sql.exec(
        db,
        "insert into account (sid, auth_token_hash, friendly_name) values ('"
            + ACCOUNT
            + "', 'not-a-login', 'lifecycle benchmark') on conflict do nothing");
    cleanUp();
    Sql.exec(db, "create table bench_outbox_event (like outbox_event including all)");
    vacuum();
  }

  void cleanUp() throws SQLException {
    Sql.exec(
        db,
        "delete from conversation where account_sid = '" + ACCOUNT + "'"); // participants cascade
    Sql.exec(db, "drop table if exists bench_outbox_event");
  }

  void vacuum() throws SQLException {
    Sql.exec(db, "vacuum (analyze) conversation, participant, outbox_event");
  }

  /**
   * Conversations like the API makes (SMS closes after one unit, a CUSTOMER and a HUMAN_AGENT), the
   * first due at {@code due}, the others evenly over {@code over}, in one transaction.
   */
  void load(UUID set, int count, Instant due, Duration over) throws SQLException {
    String rows =
        "select i, due, due - cast(? as interval) as created from (select i, cast(? as timestamptz)"
            + " + (i - 1) * cast(? as interval) as due from generate_series(1, ?) i) d";
    String salt = "'" + set + "'";
    String conversationId = String.format(ID, salt + " || ':c:' || i");
    String participantId = String.format(ID, salt + " || ':p' || k || ':' || i");
    db.setAutoCommit(false);
    try (PreparedStatement c =
            db.prepareStatement(
                """
            insert into conversation (id, account_sid, configuration_id, status, name, metadata,
              configuration, channel_activity, last_activity_at, closes_at, next_transition_at,
              created_at, updated_at)
            select %s, ?, ?, 'ACTIVE', 'Support chat ' || i, '{}', cast(? as jsonb),
              jsonb_build_object('SMS', to_char(created at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
              created, due, due, created, created
            from (%s) r"""
                    .formatted(conversationId, rows));
        PreparedStatement p =
            db.prepareStatement(
                """
            insert into participant (id, conversation_id, account_sid, name, type, profile_id,
              contact, created_at, updated_at)
            select %s, %s, ?, case k when 1 then 'Kiran A.' else 'Kai B.' end,
              case k when 1 then 'CUSTOMER' else 'HUMAN_AGENT' end,
              case k when 1 then md5(%s || ':profile:' || i)::uuid end,
              jsonb_build_object('addresses', jsonb_build_array(jsonb_build_object('address',
                case k when 1 then '+1555' || lpad(i::text, 7, '0') else '+15550001111' end,
                'channel', 'SMS', 'channelId', null))), created, created
            from (%s) r, generate_series(1, 2) k"""
                    .formatted(participantId, conversationId, salt, rows))) {
      c.setString(1, ACCOUNT);
      c.setObject(2, set);
      c.setString(3, SNAPSHOT);
      rows(c, 4, count, due, over);
      c.executeUpdate();
      p.setString(1, ACCOUNT);
      rows(p, 2, count, due, over);
      p.executeUpdate();
      db.commit();
    } finally {
      db.setAutoCommit(true);
    }
    Sql.exec(db, "analyze conversation, participant");
  }

  void rows(PreparedStatement s, int first, int count, Instant due, Duration over)
      throws SQLException {
    s.setString(
        first, unit.toSeconds() + " seconds"); // created one unit before: the rules agree on due
    s.setObject(first + 1, at(due));
    s.setString(first + 2, over.toNanos() / 1000.0 / count + " microseconds");
    s.setInt(first + 3, count);
  }

  record Observed(
      Instant lastTransition,
      Instant allClosedSeen,
      Instant outboxEmpty,
      long peakBacklog,
      long peakRss,
      double peakOldGen) {}

  /**
   * Polls until no row of the set is due any more and the outbox is empty; samples RSS and the old
   * generation (what survives collections: it would grow with N if the service held the due rows)
   * on the way. Gives up only after lastDue + max(10 min, count / 200 per s).
   */
  Observed watch(UUID set, int count, Instant lastDue) throws Exception {
    Instant allClosed = null;
    long peakBacklog = 0;
    long peakRss = 0;
    double peakOldGen = 0;
    Duration allowed = Duration.ofMinutes(10).plusSeconds(count / 200);
    Instant deadline = Instant.now().plus(Duration.between(now(), lastDue)).plus(allowed);
    for (long poll = 0; Instant.now().isBefore(deadline); poll++) {
      peakRss = Math.max(peakRss, rss("VmRSS"));
      if (poll % 5 == 0) { // once a second: the service renders all its metrics for it
        try {
          peakOldGen =
              Math.max(
                  peakOldGen,
                  metrics("jvm_memory_used_bytes").entrySet().stream()
                      .filter(e -> e.getKey().contains("Old Gen") || e.getKey().contains("Tenured"))
                      .mapToDouble(Map.Entry::getValue)
                      .sum());
        } catch (IOException missed) { // one sample fewer, not a failed run of many minutes
          System.err.println("Old generation not sampled: " + missed);
        }
      }
      Instant dbNow = now();
      if (allClosed == null
          && dbNow.isAfter(lastDue)
          && !Sql.exists(
              db,
              "select 1 from conversation where"
                  + " next_transition_at <= '"
                  + lastDue
                  + "' and configuration_id = '"
                  + set
                  + "'")) {
        allClosed = dbNow;
      }
      // From both ends of the primary key, as the relay reads it: count(*) would scan every page of
      // up to N events (and the dead ones before them), many times a second.
      long backlog = Sql.count(db, "select coalesce(max(seq) - min(seq) + 1, 0) from outbox_event");
      peakBacklog = Math.max(peakBacklog, backlog);
      if (payload == SNAPSHOT && backlog > 0) {
        String sample =
            Sql.string(
                db,
                "select payload::text from outbox_event where event_type = 'CONVERSATION_UPDATED' limit 1");
        payload = sample != null ? sample : payload;
      }
      if (allClosed != null && backlog == 0) {
        Instant last =
            Sql.instant(
                db,
                "select max(updated_at) from conversation where configuration_id = '" + set + "'");
        return new Observed(last, allClosed, dbNow, peakBacklog, peakRss, peakOldGen);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "Not all conversations closed and relayed within "
            + allowed.toMinutes()
            + " minutes after the last deadline");
  }

  /**
   * Lateness is updated_at (the database's now() at the transition) minus the row's own deadline.
   */
  Phase sweepFigures(UUID set, int count, Instant t, Observed seen, Map<String, String> out)
      throws SQLException {
    try (ResultSet r =
        db.createStatement()
            .executeQuery(
                """
        select count(*) filter (where status = 'CLOSED'),
          percentile_cont(0.5) within group (order by late), percentile_cont(0.99) within group (order by late),
          max(late), min(late)
        from (select status, extract(epoch from updated_at - (created_at + interval '%d seconds')) as late
              from conversation where configuration_id = '%s') s"""
                    .formatted(unit.toSeconds(), set))) {
      r.next();
      if (r.getLong(1) != count) {
        throw new IllegalStateException(
            "Only " + r.getLong(1) + " of " + count + " conversations CLOSED");
      }
      double seconds = secs(t, seen.lastTransition);
      double rate = count / seconds;
      out.put("service transitions/s = N / (last transition − T)", String.format("%,.0f", rate));
      out.put(
          "lateness p50 / p99 / max (s)",
          String.format("%.3f / %.3f / %.3f", r.getDouble(2), r.getDouble(3), r.getDouble(4)));
      out.put("first transition after its deadline (s)", String.format("%.3f", r.getDouble(5)));
      out.put(
          "all CLOSED, seen by polling, after T (s)",
          String.format("%.1f", secs(t, seen.allClosedSeen)));
      out.put(
          "outbox empty (all relayed to Kafka) after T (s)",
          String.format("%.1f", secs(t, seen.outboxEmpty)));
      out.put("outbox peak backlog (rows, polled)", String.format("%,d", seen.peakBacklog));
      out.put("event payload (bytes)", String.valueOf(payload.length()));
      return new Phase(
          rate, r.getDouble(2), r.getDouble(3), r.getDouble(4), seconds, 0, 0, 0, null);
    }
  }

  void serviceFigures(
      Map<String, Double> before, long rssIdle, Observed seen, Map<String, String> out)
      throws IOException, InterruptedException {
    Map<String, Double> after = metrics("orchestrator_lifecycle_");
    double batches = delta(before, after, "orchestrator_lifecycle_sweep_batch_seconds_count");
    double batchTime = delta(before, after, "orchestrator_lifecycle_sweep_batch_seconds_sum");
    if (batches > 0) { // idle sweeps before T count too: they are short
      out.put(
          "sweeper batches / mean / max batch (s)",
          String.format(
              "%.0f / %.3f / %.3f",
              batches,
              batchTime / batches,
              after.getOrDefault("orchestrator_lifecycle_sweep_batch_seconds_max", Double.NaN)));
      out.put(
          "sweeper's lag metric p50 / p99 / max (s)",
          String.format(
              "%.2f / %.2f / %.2f",
              after.getOrDefault(
                  "orchestrator_lifecycle_sweep_lag_seconds{quantile=\"0.5\"}", Double.NaN),
              after.getOrDefault(
                  "orchestrator_lifecycle_sweep_lag_seconds{quantile=\"0.99\"}", Double.NaN),
              after.getOrDefault("orchestrator_lifecycle_sweep_lag_seconds_max", Double.NaN)));
    }
    if (servicePid > 0) {
      out.put(
          "service RSS before / peak sampled / VmHWM (MiB)",
          String.format("%d / %d / %d", rssIdle / 1024, seen.peakRss / 1024, rss("VmHWM") / 1024));
    }
    if (seen.peakOldGen > 0) {
      out.put(
          "service heap: old generation peak sampled (MiB)",
          String.format("%.0f", seen.peakOldGen / (1 << 20)));
    }
  }

  /**
   * The sweeper's database work without the service: claim 500 due rows with FOR UPDATE SKIP
   * LOCKED, set their status and deadlines in one UPDATE, insert 500 events with payloads of the
   * service's size in one INSERT, commit. Into a copy of outbox_event, so that the service's relay
   * stays idle. No participants and no JSON building: this is the floor the service's SQL stands
   * on.
   */
  double rawPhase(Instant far, int connections) throws Exception {
    List<Connection> open = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      open.add(Sql.connect()); // before the CPU reading: their server processes count
    }
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    double[] cpuBefore = cpu();
    long start = System.nanoTime();
    List<Future<long[]>> running = new ArrayList<>();
    for (Connection c : open) {
      running.add(pool.submit(() -> rawWorker(c, far)));
    }
    long[] total = new long[5]; // rows, then nanoseconds in claim, update, insert, commit
    for (Future<long[]> worker : running) {
      long[] figures = worker.get();
      for (int i = 0; i < total.length; i++) {
        total[i] += figures[i];
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    cpuFigures("raw", cpuBefore, cpu(), (int) total[0], report);
    pool.shutdown();
    for (Connection c : open) {
      c.close();
    }
    double steps = total[1] + total[2] + total[3] + total[4];
    report.put(
        "raw: time in claim / update / insert / commit (%)",
        String.format(
            "%.0f / %.0f / %.0f / %.0f",
            100 * total[1] / steps,
            100 * total[2] / steps,
            100 * total[3] / steps,
            100 * total[4] / steps));
    return total[0] / seconds;
  }

  long[] rawWorker(Connection c, Instant far) throws SQLException {
    String claim =
        "select * from conversation where next_transition_at <= ? order by next_transition_at"
            + " limit "
            + RAW_BATCH
            + " for update skip locked";
    long[] figures = new long[5];
    c.setAutoCommit(false);
    try (PreparedStatement clock = c.prepareStatement("select now()");
        PreparedStatement select = c.prepareStatement(claim)) {
      while (true) {
        long t0 = System.nanoTime();
        OffsetDateTime now = single(clock);
        select.setObject(1, at(far));
        List<UUID> ids = new ArrayList<>(RAW_BATCH);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            ids.add(r.getObject("id", UUID.class));
          }
        }
        long t1 = System.nanoTime();
        if (ids.isEmpty()) {
          c.commit();
          return figures;
        }
        update(c, ids, now);
        long t2 = System.nanoTime();
        insertEvents(c, ids, now);
        long t3 = System.nanoTime();
        c.commit();
        long t4 = System.nanoTime();
        figures[0] += ids.size();
        figures[1] += t1 - t0;
        figures[2] += t2 - t1;
        figures[3] += t3 - t2;
        figures[4] += t4 - t3;
      }
    }
  }

  /** The statement the sweeper sends: one array per column (faster than VALUES rows, too). */
  void update(Connection c, List<UUID> ids, OffsetDateTime now) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "update conversation c set status = v.status,"
                + " inactive_at = v.inactive_at, closes_at = v.closes_at, next_transition_at = v.next_at,"
                + " updated_at = v.updated_at from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[],"
                + " ?::timestamptz[], ?::timestamptz[]) v (id, status, inactive_at, closes_at, next_at, updated_at)"
                + " where c.id = v.id")) {
      Object[] none = new Object[ids.size()];
      u.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      u.setArray(2, c.createArrayOf("text", Collections.nCopies(ids.size(), "CLOSED").toArray()));
      u.setArray(3, c.createArrayOf("timestamptz", none));
      u.setArray(4, c.createArrayOf("timestamptz", none));
      u.setArray(5, c.createArrayOf("timestamptz", none));
      u.setArray(6, c.createArrayOf("timestamptz", Collections.nCopies(ids.size(), now).toArray()));
      u.executeUpdate();
    }
  }

  /** As Outbox.appendAll sends it, into the copy of outbox_event. */
  void insertEvents(Connection c, List<UUID> ids, OffsetDateTime now) throws SQLException {
    try (PreparedStatement i =
        c.prepareStatement(
            // the outbox rows and, in the same statement, their status history (V15)
            "with e as (select *, cast(? as timestamptz) as created_at from unnest(?::uuid[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                + " as u (id, stream, message_key, event_type, account_sid, subject, payload, n)),"
                + " appended as (insert into bench_outbox_event (id, stream, message_key, event_type,"
                + " account_sid, subject, payload, created_at) select id, stream, message_key,"
                + " event_type, account_sid, subject, cast(payload as json), created_at from e"
                + " order by n) insert into conversation_status_change (account_sid,"
                + " conversation_id, previous_status, status, reason, changed_at) select"
                + " account_sid, message_key, 'ACTIVE', 'INACTIVE', 'INACTIVITY_TIMEOUT', created_at"
                + " from e order by n")) {
      int count = ids.size();
      Object[] keys = ids.stream().map(UUID::toString).toArray();
      i.setObject(1, now);
      i.setArray(2, c.createArrayOf("uuid", ids.stream().map(id -> UUID.randomUUID()).toArray()));
      i.setArray(3, c.createArrayOf("text", Collections.nCopies(count, "CONVERSATIONS").toArray()));
      i.setArray(4, c.createArrayOf("text", keys));
      i.setArray(
          5, c.createArrayOf("text", Collections.nCopies(count, "CONVERSATION_UPDATED").toArray()));
      i.setArray(6, c.createArrayOf("text", Collections.nCopies(count, ACCOUNT).toArray()));
      i.setArray(7, c.createArrayOf("text", keys));
      i.setArray(8, c.createArrayOf("text", Collections.nCopies(count, payload).toArray()));
      i.executeUpdate();
    }
  }

  void print(Phase measured, double raw, int rawCount, int connections)
      throws IOException, SQLException {
    String title =
        String.format(
            "N = %,d%s",
            n,
            spread.isZero()
                ? " due at one instant"
                : String.format(" due over %.0f s", spread.toMillis() / 1000.0));
    StringBuilder table = new StringBuilder();
    table.append(machine()).append('\n');
    table.append("| figure | value |\n|---|---|\n");
    report.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    String md = String.format("%n## %s, %s%n%n", title, Instant.now()) + table;
    System.out.print(md);
    Bench.appendResult("lifecycle-sweep", md);

    Path dir = Bench.outDir();
    if (dir != null) { // the shared results contract (bench/README.md): a section and its plot data
      Files.writeString(
          dir.resolve("lifecycle-" + n + spreadSuffix() + ".md"),
          "## Lifecycle sweep, "
              + title
              + "\n\n"
              + table
              + "\n"
              + verdict(measured, raw, rawCount, connections)
              + "\n");
      Files.writeString(
          dir.resolve("lifecycle-" + n + spreadSuffix() + ".csv"),
          "n,transitions_per_s,lateness_p50_s,lateness_p99_s,"
              + "lateness_max_s,sweep_seconds,raw_per_s,rss_before_mib,rss_peak_mib,old_gen_peak_mib,"
              + "spread_s,service_cpu_ms,postgres_cpu_ms\n"
              + String.format(
                  Locale.ROOT,
                  "%d,%.1f,%.3f,%.3f,%.3f,%.3f,%.1f,%d,%d,%.0f,%.0f,%.4f,%.4f%n",
                  n,
                  measured.rate,
                  measured.p50,
                  measured.p99,
                  measured.max,
                  measured.seconds,
                  raw,
                  measured.rssBefore / 1024,
                  measured.rssPeak / 1024,
                  measured.oldGenPeak / (1 << 20),
                  spread.toMillis() / 1000.0,
                  measured.cpuPerThousand[0],
                  measured.cpuPerThousand[1]));
      String name = "lifecycle-" + n + spreadSuffix();
      System.out.println("Wrote " + name + ".md and " + name + ".csv to " + dir);
    }
  }

  /** How the files of a run with spread deadlines are told apart: "-spread60" for 60 s. */
  String spreadSuffix() {
    return spread.isZero() ? "" : "-spread" + spread.toSeconds();
  }

  /** The line under the table: the ratio to the raw rate and the lifecycle issue's targets. */
  String verdict(Phase measured, double raw, int rawCount, int connections) {
    boolean rateMet = measured.rate >= 10_000;
    String targets =
        n == 100_000 && spread.isZero()
            ? String.format(
                "the issue's targets at N = 100,000 (≥ 10,000 transitions/s, lateness p99 ≤ 1 s): %s",
                rateMet && measured.p99 <= 1 ? "**met**" : "**not met**")
            : String.format(
                "the issue's targets are set for N = 100,000; ≥ 10,000 transitions/s here: %s",
                rateMet ? "**met**" : "**not met**");
    return String.format(
        "Against the physical limit: service/raw = **%.2f** (%,.0f vs %,.0f transitions/s; raw ="
            + " the sweeper's UPDATE + INSERT by the harness alone on %,d rows, %d connections); %s (%,.0f/s, p99"
            + " %.2f s).",
        measured.rate / raw,
        measured.rate,
        raw,
        rawCount,
        connections,
        targets,
        measured.rate,
        measured.p99);
  }

  String machine() throws IOException, SQLException {
    return String.format(
        "%s; service: sweep-workers %s," + " sweep-batch-size %s; git %s%n",
        Bench.machine(loadAverageBefore, db),
        env("ORCHESTRATOR_LIFECYCLE_SWEEP_WORKERS", "default"),
        env("ORCHESTRATOR_LIFECYCLE_SWEEP_BATCH_SIZE", "default"),
        env("BENCH_GIT", "?"));
  }

  // --- processes: RSS and CPU time from /proc ---

  void awaitReady() throws Exception {
    Bench.awaitReady(serviceUrl);
    servicePid = Procs.servicePid();
  }

  /**
   * CPU seconds so far of the service, PostgreSQL, the launcher (Kafka runs in it), this harness.
   */
  double[] cpu() {
    return new double[] {
      cpuSeconds(servicePid, false), Procs.postgresCpu(), Procs.kafkaCpu(), Procs.harnessCpu()
    };
  }

  static void cpuFigures(
      String phase, double[] before, double[] after, int transitions, Map<String, String> out) {
    out.put(
        phase + ": CPU s per 1000 transitions, service / PostgreSQL / Kafka / harness",
        perThousand(before, after, transitions));
  }

  /** In KiB, from /proc/pid/status; 0 without a pid. */
  long rss(String field) throws IOException {
    return Procs.statusKib(servicePid, field);
  }

  // --- small helpers ---

  /** The service's metrics whose names start with {@code prefix}. */
  Map<String, Double> metrics(String prefix) throws IOException, InterruptedException {
    // Names and labels (which may hold spaces), then the value.
    return Bench.metrics(
        serviceUrl,
        Pattern.compile("(?m)^(" + Pattern.quote(prefix) + "[^ {]*(?:\\{[^}]*\\})?) (\\S+)$"));
  }

  Instant now() throws SQLException {
    return Sql.instant(db, "select clock_timestamp()");
  }

  static OffsetDateTime single(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      r.next();
      return r.getObject(1, OffsetDateTime.class);
    }
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
