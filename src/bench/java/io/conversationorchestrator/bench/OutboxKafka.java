package io.conversationorchestrator.bench;

import static io.conversationorchestrator.bench.Bench.delta;
import static io.conversationorchestrator.bench.Bench.env;
import static io.conversationorchestrator.bench.Bench.loadAverage;
import static io.conversationorchestrator.bench.Bench.perThousand;
import static io.conversationorchestrator.bench.Bench.secs;
import static io.conversationorchestrator.bench.Procs.cpuSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The outbox → Kafka benchmark, run by bench/outbox-kafka.sh (see bench/README-outbox.md). One
 * conversation through the API gives the real events of a conversation's life; N outbox rows shaped
 * like them (N/10 conversations, 10 events each) are inserted straight into outbox_event in one
 * statement, and the running service's relay is timed from that commit until the outbox is empty
 * and the topic holds N more records; then every record is read back and checked (all there, none
 * twice, each conversation's events in outbox order). Twice: each conversation's events far apart
 * (each relay batch holds distinct keys) and 10 in a row (each batch holds 50 keys × 10 events).
 * Then Kafka's own ProducerPerformance, in this JVM, sends N records with the relay's producer
 * settings to a fresh topic of the same broker. A benchmark, not a test: it sleeps between polls.
 *
 * <p>Environment: BENCH_JDBC_URL, BENCH_DB_USER, BENCH_DB_PASSWORD; BENCH_KAFKA (bootstrap
 * servers); BENCH_SERVICE_URL (readiness, the API, /q/metrics); BENCH_ACCOUNT_SID, BENCH_AUTH_TOKEN
 * (default: the local stack's dev account); BENCH_STACK_PID or BENCH_SERVICE_PID, BENCH_PG_PID (CPU
 * figures); BENCH_WARMUP (events relayed first, unreported; default min(N, 50000));
 * BENCH_PRODUCER_PROPS (extra ProducerPerformance properties, space-separated, e.g. the service's
 * ORCHESTRATOR_EVENTS_PRODUCER_* overrides); BENCH_TARGET (events/s to call the target, 10000);
 * BENCH_OUT (a directory for outbox-kafka.md and outbox-kafka.csv).
 */
public class OutboxKafka {
  // The service's default orchestrator.outbox.shards: rows go where the service's own writes would
  // (OutboxShards), so every shard's relay has work.
  private static final int SHARDS = 8;
  static final ObjectMapper JSON = new ObjectMapper();
  // Kafka clients log their whole configuration at INFO; strong references keep the levels set.
  static final Logger KAFKA_LOG = quiet("org.apache.kafka");
  static final Pattern PERF_TOTAL =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\),"
              + " ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency");

  /**
   * The relay's producer settings (KafkaPublisher.producerConfig, no ORCHESTRATOR_EVENTS_PRODUCER_*
   * overrides); batch.size and buffer.memory are the client's defaults there too.
   */
  static final String RELAY_PRODUCER =
      "acks=all enable.idempotence=true max.in.flight.requests.per.connection=5"
          + " linger.ms=5 compression.type=lz4 request.timeout.ms=10000 delivery.timeout.ms=30000 max.block.ms=10000";

  final int requested;
  final Connection db;
  final Admin admin;
  final String kafka = env("BENCH_KAFKA", "127.0.0.1:19092");
  final String serviceUrl = env("BENCH_SERVICE_URL", "http://127.0.0.1:8080");
  final String account = env("BENCH_ACCOUNT_SID", "AC00000000000000000000000000000000");
  final String token = env("BENCH_AUTH_TOKEN", "dev-auth-token");
  final String topic = env("ORCHESTRATOR_EVENTS_TOPICS_CONVERSATIONS", "conversations");
  final String loadAverageBefore;
  final int runTag =
      ThreadLocalRandom.current().nextInt(10_000, 99_000); // tells this run's rows apart
  int phases;
  long servicePid;
  int partitions;
  List<Event> life; // the events of one conversation's life, as the relay published them
  final List<Row> rows = new ArrayList<>();
  final Map<String, String[]> details = new LinkedHashMap<>(); // figure → value per service phase

  /** An event of the sample conversation: its type, subject header and value. */
  record Event(String type, String subject, String payload) {}

  /** A row of the comparison table and of the CSV. */
  record Row(
      String what,
      long records,
      double perSecond,
      double mbPerSecond,
      double avgMs,
      double maxMs,
      double logBytes,
      String cpu) {}

  OutboxKafka(int n) throws Exception {
    this.requested = n;
    this.db =
        DriverManager.getConnection(
            env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/orchestrator"),
            env("BENCH_DB_USER", "postgres"),
            env("BENCH_DB_PASSWORD", "postgres"));
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
    this.loadAverageBefore = loadAverage();
  }

  public static void main(String[] args) throws Exception {
    OutboxKafka bench =
        new OutboxKafka(args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000);
    bench.awaitReady();
    bench.run();
    System.exit(0); // Kafka clients' threads would keep the JVM alive
  }

  void run() throws Exception {
    sampleLife();
    int perConversation = life.size();
    int n =
        (requested + perConversation - 1)
            / perConversation
            * perConversation; // whole conversations
    partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    int warmup = Integer.parseInt(env("BENCH_WARMUP", String.valueOf(Math.min(n, 50_000))));
    warmup = warmup / perConversation * perConversation;
    if (warmup > 0) { // a fresh JVM compiles for seconds: measure the service as it runs for days
      System.out.printf("Warm-up: %,d events through the relay (not reported)...%n", warmup);
      servicePhase(warmup, false, null, null);
    }
    String[] names = {
      "each conversation's events far apart", "10 events of a conversation in a row"
    };
    Row spread = servicePhase(n, false, names[0], "service relay");
    Row clustered = servicePhase(n, true, names[1], "service relay 10 in a row per key");

    Path payloads = Files.createTempFile("outbox-payloads", ".txt"); // the real values, one a line
    Files.writeString(
        payloads, life.stream().map(Event::payload).collect(Collectors.joining("\n")));
    long recordSize = Math.round(averageValueBytes());
    if (warmup > 0) {
      System.out.printf("Warm-up: ProducerPerformance, %,d records (not reported)...%n", warmup);
      producerPerformance(warmup, "--record-size " + recordSize, null);
    }
    Row perf = producerPerformance(n, "--record-size " + recordSize, "ProducerPerformance");
    Row perfReal =
        producerPerformance(n, "--payload-file " + payloads, "ProducerPerformance real payloads");
    Files.delete(payloads);

    rows.addAll(List.of(spread, perf, clustered, perfReal));
    print(n, recordSize, names);
  }

  // --- the sample conversation ---

  /**
   * One conversation's life through the API: created with a customer and an agent, an AI agent
   * added, six messages, made INACTIVE, then CLOSED. Its events, read back from the topic, are the
   * rows every benchmark conversation repeats.
   */
  void sampleLife() throws Exception {
    System.out.println("One conversation's life through the API, for real events...");
    String configuration =
        api(
                "POST",
                "/v2/ControlPlane/Configurations",
                Bench.configuration("outbox benchmark", null))
            .path("related")
            .path("configurationId")
            .asText();
    String conversation =
        api("POST", "/v2/Conversations", Bench.conversation(configuration)).path("id").asText();
    String path = "/v2/Conversations/" + conversation;
    api(
        "POST",
        path + "/Participants",
        """
        {"name":"Assistant","type":"AI_AGENT","addresses":[{"channel":"CHAT","address":"assistant-1"}]}""");
    String[] texts = {
      "Hi, my order #48213 has not arrived yet, can you check?",
      "Hello Kiran, sorry about that. Let me look it up for you.",
      "It left our warehouse on Monday and is with the carrier; tracking says delivery tomorrow.",
      "OK, thanks. Can I change the delivery address to my office?",
      "Done: it now goes to 500 Market St, Suite 300. Anything else?",
      "No, that's all. Thanks!"
    };
    for (int i = 0; i < texts.length; i++) {
      String from = i % 2 == 0 ? "+15551234567" : "+15550001111";
      String to = i % 2 == 0 ? "+15550001111" : "+15551234567";
      api(
          "POST",
          path + "/Communications",
          """
          {"author":{"address":"%s","channel":"SMS"},"content":{"type":"TEXT","text":"%s"},
           "recipients":[{"address":"%s","channel":"SMS"}]}"""
              .formatted(from, texts[i], to));
    }
    api("PATCH", path, "{\"status\":\"INACTIVE\"}");
    api("PATCH", path, "{\"status\":\"CLOSED\"}");
    awaitOutboxEmpty();
    life = new ArrayList<>();
    Map<TopicPartition, Long> end = endOffsets();
    Map<TopicPartition, Long> start = new HashMap<>();
    end.keySet().forEach(p -> start.put(p, 0L));
    readBack(
        start,
        end,
        record -> {
          if (conversation.equals(record.key())) {
            life.add(
                new Event(
                    header(record, "ce_type"),
                    header(record, "ce_subject"),
                    new String(record.value(), StandardCharsets.UTF_8)));
          }
        });
    System.out.printf(
        "Its events (%d): %s%n",
        life.size(),
        life.stream()
            .map(e -> e.type + " " + e.payload.getBytes(StandardCharsets.UTF_8).length + " B")
            .toList());
  }

  double averageValueBytes() {
    return life.stream()
        .mapToInt(e -> e.payload.getBytes(StandardCharsets.UTF_8).length)
        .average()
        .orElse(0);
  }

  // --- the service's relay ---

  /**
   * Inserts {@code count} rows in one statement (commit = T), waits until the topic holds {@code
   * count} more records and the outbox is empty, reads them back and checks them. Figures go to
   * column {@code name} of the details (none for the warm-up).
   */
  Row servicePhase(int count, boolean inARow, String name, String rowName) throws Exception {
    int tag = runTag + phases++;
    Map<TopicPartition, Long> start = endOffsets();
    long logBefore = logSize(topic);
    Map<String, Double> metricsBefore = metrics();
    double[] cpuBefore = cpu();
    Map<String, Double> threadsBefore = threadCpu(servicePid);
    if (name != null) {
      System.out.printf("Service relay, %s: %,d events...%n", name, count);
    }
    long loadStart = System.nanoTime();
    insert(count, inARow, tag);
    Instant t = Instant.now(); // the statement returned: committed (autocommit)
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

    Instant inKafka = null;
    Instant drained = null;
    Instant deadline = t.plus(Duration.ofMinutes(15));
    Instant nextReport = t.plusSeconds(5);
    while (drained == null) {
      Instant now = Instant.now();
      if (now.isAfter(deadline)) {
        throw new IllegalStateException(
            "Not relayed within 15 minutes: "
                + (sum(endOffsets()) - sum(start))
                + " of "
                + count
                + " records in Kafka");
      }
      long published = sum(endOffsets()) - sum(start);
      if (inKafka == null && published >= count) {
        inKafka = now;
      }
      if (inKafka != null && outboxEmpty()) { // the database is asked only once Kafka has them all
        drained = Instant.now();
      } else {
        if (now.isAfter(nextReport)) {
          System.out.printf("  %,d of %,d in Kafka after %.0f s%n", published, count, secs(t, now));
          nextReport = nextReport.plusSeconds(5);
        }
        Thread.sleep(20);
      }
    }
    double[] cpuAfter = cpu();
    Map<String, Double> threadsAfter = threadCpu(servicePid);
    Map<String, Double> metricsAfter = metrics();
    double logBytes = (double) (logSize(topic) - logBefore) / count;
    Checked c = check(start, endOffsets(), count, tag, inARow, t);
    Instant intakeDone = awaitIntake(c.end); // its work would spill into the next phase otherwise
    Sql.exec(
        db,
        "vacuum (analyze) outbox_event"); // the next phase starts from a table without dead rows
    if (name == null) {
      return null;
    }

    double seconds = secs(t, drained);
    double perSecond = count / seconds;
    double mb = c.valueBytes / 1048576.0;
    String cpu = perThousand(cpuBefore, cpuAfter, count);
    double statements = delta(metricsBefore, metricsAfter, "postgresql_processing_seconds_count");
    double intake =
        delta(
            metricsBefore,
            metricsAfter,
            "kafka_consumer_fetch_manager_records_consumed_total{client_id=\"kafka-consumer-callback-events\"");
    detail(name, "events/s = N / (outbox empty − T)", String.format("%,.0f", perSecond));
    detail(
        name,
        "events/s into Kafka = N / (topic +N − T)",
        String.format("%,.0f", count / secs(t, inKafka)));
    detail(name, "outbox empty after T (s)", String.format("%.2f", seconds));
    detail(
        name,
        "MB/s (record values, MiB as ProducerPerformance counts)",
        String.format("%.2f", mb / seconds));
    detail(name, "first record sent after T (ms)", String.format("%.0f", c.minMs));
    detail(
        name,
        "T → sent (record timestamp) avg / max (ms)",
        String.format("%.0f / %.0f", c.avgMs(), c.maxMs));
    detail(
        name,
        "sending the first / the second half of the records took (s)",
        String.format("%.2f / %.2f", c.medianMs / 1000, (c.maxMs - c.medianMs) / 1000));
    detail(
        name,
        "records of this run read back / duplicates / missing",
        String.format(
            "%,d / %,d / %,d", c.records, c.duplicates, count - (c.records - c.duplicates)));
    detail(
        name,
        "keys / keys out of outbox order / wrong keys",
        String.format("%,d / %d / %d", c.keys, c.orderViolations, c.wrongKeys));
    detail(name, "CPU s per 1000 events: service / PostgreSQL / Kafka / harness", cpu);
    detail(
        name,
        "service CPU s per 1000 events by thread (the 5 busiest)",
        busiest(threadsBefore, threadsAfter, count));
    detail(
        name,
        "service SQL statements per 1000 events (relay, callback intake, jobs)",
        String.format("%.1f", 1000 * statements / count));
    detail(
        name,
        "service callback intake: records consumed by the outbox-empty moment",
        String.format("%,.0f", intake));
    detail(
        name,
        "service callback intake: all committed after T (s)",
        String.format("%.1f", secs(t, intakeDone)));
    detail(name, "load: insert N rows, one statement (s)", String.format("%.1f", loadSeconds));
    return new Row(rowName, count, perSecond, mb / seconds, c.avgMs(), c.maxMs, logBytes, cpu);
  }

  void detail(String phase, String figure, String value) {
    String[] values = details.computeIfAbsent(figure, f -> new String[] {"", ""});
    values[phase.startsWith("10 events") ? 1 : 0] = value;
  }

  /**
   * N rows as Outbox.appendAll writes them: conversation c's e-th event is the sample's e-th event
   * (type, subject, payload), keyed by a conversation id of its own. Far apart: row i is event i /
   * C of conversation i % C; in a row: event i % 10 of conversation i / 10. The id (ce_id) encodes
   * the run's tag and i; seq follows i.
   */
  void insert(int count, boolean inARow, int tag) throws SQLException {
    int perConversation = life.size();
    int conversations = count / perConversation;
    String layout =
        inARow
            ? "i / %1$d as c, i %% %1$d as e".formatted(perConversation)
            : "i %% %1$d as c, i / %1$d as e".formatted(conversations);
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        with sample as (select cast(? as text[]) as types, cast(? as text[]) as subjects,
            cast(cast(? as text[]) as json[]) as payloads)
        insert into outbox_event (id, stream, message_key, event_type, account_sid, subject, payload, created_at, shard)
        select cast(lpad(to_hex(?), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0') as uuid),
          'CONVERSATIONS', key, types[e + 1], ?, coalesce(subjects[e + 1], key), payloads[e + 1], now(),
          cast(mod(hashtext(key) & 2147483647, %d) as smallint)
        from sample, (select i, e, %s as key from (select i, %s from generate_series(0, ? - 1) i) r) g
        order by i"""
                .formatted(SHARDS, key("?", "c"), layout))) {
      insert.setArray(1, db.createArrayOf("text", life.stream().map(Event::type).toArray()));
      // A conversation event's subject is the conversation: each row's own key.
      insert.setArray(
          2,
          db.createArrayOf(
              "text",
              life.stream()
                  .map(e -> e.type.startsWith("CONVERSATION_") ? null : e.subject)
                  .toArray()));
      insert.setArray(3, db.createArrayOf("text", life.stream().map(Event::payload).toArray()));
      insert.setInt(4, tag);
      insert.setString(5, account);
      insert.setInt(6, tag);
      insert.setInt(7, count);
      insert.executeUpdate();
    }
  }

  /** A conversation id (TypeID: 26 base32 digits, the first ≤ 7) of the run's tag and number c. */
  static String key(String tag, String c) {
    return "'conv_conversation_0' || lpad(cast("
        + tag
        + " as text), 5, '0') || lpad(cast("
        + c
        + " as text), 20, '0')";
  }

  static String key(int tag, long c) {
    return String.format("conv_conversation_0%05d%020d", tag, c);
  }

  /** What the read-back found. */
  static final class Checked {
    long records;
    long duplicates;
    long keys;
    long orderViolations;
    long wrongKeys;
    long foreign; // records of other producers in the range (events of the API, say)
    long valueBytes;
    double sumMs;
    double medianMs;
    Map<TopicPartition, Long> end;
    double minMs = Double.MAX_VALUE;
    double maxMs;

    double avgMs() {
      return records == 0 ? Double.NaN : sumMs / records;
    }
  }

  /**
   * Reads the range back: each record of this run once, under its conversation's key, and each
   * key's records in outbox order (ce_id's i increasing). Timestamps are the relay's send times.
   */
  Checked check(
      Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> end,
      int count,
      int tag,
      boolean inARow,
      Instant t)
      throws Exception {
    int perConversation = life.size();
    int conversations = count / perConversation;
    Checked c = new Checked();
    c.end = end;
    BitSet seen = new BitSet(count);
    long[] sent = new long[count];
    Map<String, Long> last = new HashMap<>();
    long t0 = t.toEpochMilli();
    readBack(
        start,
        end,
        record -> {
          String id = header(record, "ce_id");
          if (id == null || Long.parseLong(id.substring(0, 8), 16) != tag) {
            c.foreign++;
            return;
          }
          int i = (int) Long.parseLong(id.substring(24), 16);
          c.records++;
          if (seen.get(i)) {
            c.duplicates++;
            return;
          }
          seen.set(i);
          sent[i] = record.timestamp();
          c.valueBytes += record.value().length;
          double ms = record.timestamp() - t0;
          c.sumMs += ms;
          c.minMs = Math.min(c.minMs, ms);
          c.maxMs = Math.max(c.maxMs, ms);
          long conversation = inARow ? i / perConversation : i % conversations;
          if (!key(tag, conversation).equals(record.key())) {
            c.wrongKeys++;
          }
          Long previous = last.put(record.key(), (long) i);
          if (previous != null && previous > i) {
            c.orderViolations++;
          }
        });
    c.keys = last.size();
    java.util.Arrays.sort(sent);
    c.medianMs = sent[count / 2] - t0;
    if (c.records - c.duplicates != count || c.wrongKeys > 0 || c.orderViolations > 0) {
      System.out.printf(
          "  CHECK FAILED: %,d distinct of %,d, %d wrong keys, %d out of order%n",
          c.records - c.duplicates, count, c.wrongKeys, c.orderViolations);
    }
    return c;
  }

  interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record);
  }

  /** Reads every partition of the topic from {@code start} to {@code end} (exclusive). */
  void readBack(
      Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, RecordHandler handler) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(end.keySet());
      start.forEach(consumer::seek);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Could not read the records back within 5 minutes");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            handler.handle(record);
          }
        }
      }
    }
  }

  /**
   * Waits until the service's callback intake (its own consumer group) has committed up to {@code
   * end}; answers when. Two minutes at most: a slow intake is reported, not waited for.
   */
  Instant awaitIntake(Map<TopicPartition, Long> end) throws Exception {
    String group = env("MP_MESSAGING_INCOMING_CALLBACK_EVENTS_GROUP_ID", "callback-dispatcher");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      if (end.entrySet().stream()
          .allMatch(
              e ->
                  committed.get(e.getKey()) != null
                      && committed.get(e.getKey()).offset() >= e.getValue())) {
        return Instant.now();
      }
      Thread.sleep(100);
    }
    System.out.println("  The callback intake has not caught up within 2 minutes; going on");
    return Instant.now();
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  Map<TopicPartition, Long> endOffsets() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < Math.max(partitions, 1); p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** Bytes of the topic's log on the broker(s): batches as stored, after compression. */
  long logSize(String name) throws Exception {
    List<Integer> brokers =
        admin.describeCluster().nodes().get().stream().map(node -> node.id()).toList();
    return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
        .flatMap(dirs -> dirs.values().stream())
        .flatMap(dir -> dir.replicaInfos().entrySet().stream())
        .filter(e -> e.getKey().topic().equals(name))
        .mapToLong(e -> e.getValue().size())
        .sum();
  }

  static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  boolean outboxEmpty() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("select not exists (select 1 from outbox_event)")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  void awaitOutboxEmpty() throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!outboxEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "The outbox did not empty within 60 s: is the relay running?");
      }
      Thread.sleep(50);
    }
  }

  // --- Kafka's producer perf tool ---

  /**
   * ProducerPerformance in this JVM (it calls Exit only for bad arguments) on a fresh topic with
   * the partitions of the service's, with the relay's producer settings; its last line holds the
   * totals.
   */
  Row producerPerformance(int count, String payloadOption, String name) throws Exception {
    String perfTopic = "bench-producer-performance-" + runTag + "-" + phases++;
    admin.createTopics(List.of(new NewTopic(perfTopic, partitions, (short) 1))).all().get();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--topic",
                perfTopic,
                "--num-records",
                String.valueOf(count),
                "--throughput",
                "-1"));
    args.addAll(List.of(payloadOption.split(" ", 2)));
    args.add("--producer-props");
    args.add("bootstrap.servers=" + kafka);
    args.add("client.id=bench-producer-performance");
    args.addAll(List.of(RELAY_PRODUCER.split(" ")));
    args.addAll(
        List.of(env("BENCH_PRODUCER_PROPS", "").split(" ")).stream()
            .filter(s -> !s.isBlank())
            .toList());
    if (name != null) {
      System.out.printf(
          "%s: %,d records, %s...%n",
          name,
          count,
          payloadOption.startsWith("--payload-file")
              ? "--payload-file (the sample's values)"
              : payloadOption);
    }
    double[] cpuBefore = cpu();
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(out, captured), true));
    try {
      org.apache.kafka.tools.ProducerPerformance.main(args.toArray(String[]::new));
    } finally {
      System.setOut(out);
    }
    double[] cpuAfter = cpu();
    double logBytes = (double) logSize(perfTopic) / count;
    admin.deleteTopics(List.of(perfTopic)).all().get();
    Matcher m = PERF_TOTAL.matcher(captured.toString(StandardCharsets.UTF_8));
    java.util.regex.MatchResult total = null;
    while (m.find()) { // the last line: the totals (earlier ones are 5-second windows)
      total = m.toMatchResult();
    }
    if (total == null || Long.parseLong(total.group(1)) != count) {
      throw new IllegalStateException(
          "ProducerPerformance did not send " + count + " records: " + captured);
    }
    return new Row(
        name,
        count,
        Double.parseDouble(total.group(2)),
        Double.parseDouble(total.group(3)),
        Double.parseDouble(total.group(4)),
        Double.parseDouble(total.group(5)),
        logBytes,
        perThousand(cpuBefore, cpuAfter, count));
  }

  /** Writes to two streams: the console and the capture. */
  static final class Tee extends OutputStream {
    final OutputStream a;
    final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }

  // --- report ---

  void print(int n, long recordSize, String[] names) throws Exception {
    Row service = rows.get(0);
    Row perf = rows.get(1);
    double ratio = service.perSecond / perf.perSecond;
    double target = Double.parseDouble(env("BENCH_TARGET", "10000"));
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            "## Outbox → Kafka, N = %,d events, %s%n%n",
            n, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    md.append(machine(recordSize)).append('\n');
    md.append(
        "| what | records | records/s | MB/s | latency avg / max (ms) | bytes in Kafka's log per record |"
            + " CPU s per 1000: service / PostgreSQL / Kafka / harness |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(
          String.format(
              "| %s | %,d | %,.0f | %.2f | %.0f / %.0f | %.0f | %s |%n",
              r.what, r.records, r.perSecond, r.mbPerSecond, r.avgMs, r.maxMs, r.logBytes, r.cpu));
    }
    md.append(
        "\nService latency: commit of the N rows (T) → the record's send time; ProducerPerformance:"
            + " send() → acknowledgement, per record.\n\n");
    md.append(String.format("| service relay | %s | %s |%n|---|---|---|%n", names[0], names[1]));
    details.forEach(
        (figure, v) ->
            md.append("| ")
                .append(figure)
                .append(" | ")
                .append(v[0])
                .append(" | ")
                .append(v[1])
                .append(" |\n"));
    md.append(
        String.format(
            "%nRatio service relay / ProducerPerformance (same broker, same run): %.2f"
                + " (%,.0f / %,.0f records/s); against ProducerPerformance sending the same values: %.2f; with 10 events"
                + " per key in a row: %.2f and %.2f. Issue 8 sets no number for this figure; against OutboxRelay's"
                + " claim of tens of thousands of events/s, taken as ≥ %,.0f events/s: %s.%n",
            ratio,
            service.perSecond,
            perf.perSecond,
            service.perSecond / rows.get(3).perSecond,
            rows.get(2).perSecond / perf.perSecond,
            rows.get(2).perSecond / rows.get(3).perSecond,
            target,
            service.perSecond >= target ? "met" : "not met"));
    System.out.print("\n" + md);

    Path dir = Bench.outDir();
    if (dir != null) {
      Files.writeString(dir.resolve("outbox-kafka.md"), md);
      StringBuilder csv =
          new StringBuilder("what,records,records_per_s,mb_per_s,avg_latency_ms,max_latency_ms\n");
      for (Row r : rows) {
        csv.append(
            String.format(
                java.util.Locale.ROOT,
                "%s,%d,%.1f,%.3f,%.1f,%.1f%n",
                r.what,
                r.records,
                r.perSecond,
                r.mbPerSecond,
                r.avgMs,
                r.maxMs));
      }
      Files.writeString(dir.resolve("outbox-kafka.csv"), csv);
      System.out.println("\nWrote " + dir.resolve("outbox-kafka.md") + " and outbox-kafka.csv");
    } else {
      Bench.appendResult("outbox-kafka", "\n" + md);
    }
  }

  String machine(long recordSize) throws IOException, SQLException {
    return String.format(
        "%s;"
            + " Kafka %s, topic %s with %d partition(s).%nService: relay batch %s, interval %s; producer %s; git %s."
            + " Events: %d per conversation (%s), record values %,d B on average; T = commit of the N rows;"
            + " after a warm-up of %s events.%n",
        Bench.machine(loadAverageBefore, db),
        org.apache.kafka.common.utils.AppInfoParser.getVersion(),
        topic,
        partitions,
        env("ORCHESTRATOR_EVENTS_RELAY_BATCH_SIZE", "500"),
        env("ORCHESTRATOR_EVENTS_RELAY_INTERVAL", "100ms"),
        RELAY_PRODUCER
            + (env("BENCH_PRODUCER_PROPS", "").isEmpty()
                ? ""
                : " " + env("BENCH_PRODUCER_PROPS", "")),
        env("BENCH_GIT", "?"),
        life.size(),
        life.stream().map(Event::type).collect(Collectors.joining(", ")),
        recordSize,
        env("BENCH_WARMUP", "min(N, 50000)"));
  }

  // --- the API ---

  JsonNode api(String method, String path, String body) throws Exception {
    return JSON.readTree(Bench.api(serviceUrl, account, token, method, path, body));
  }

  void awaitReady() throws Exception {
    Bench.awaitReady(serviceUrl);
    servicePid = Procs.servicePid();
  }

  Map<String, Double> metrics() throws IOException, InterruptedException {
    return Bench.metrics(
        serviceUrl,
        Pattern.compile(
            "(?m)^(postgresql_processing_seconds_count"
                + "|kafka_consumer_fetch_manager_records_consumed_total"
                + "\\{client_id=\"[^\"]*\")\\S* (\\S+)$"));
  }

  // --- processes: CPU time from /proc ---

  /**
   * CPU seconds so far of the service, PostgreSQL, the launcher (Kafka runs in it), this harness.
   */
  double[] cpu() {
    return new double[] {
      cpuSeconds(servicePid, false), Procs.postgresCpu(), Procs.kafkaCpu(), Procs.harnessCpu()
    };
  }

  /**
   * CPU seconds so far of a process's threads by name, pool numbers dropped (so that e.g. all event
   * loops add up), from /proc/pid/task; Linux keeps 15 characters of a name.
   */
  static Map<String, Double> threadCpu(long pid) {
    Map<String, Double> byName = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      tasks.forEach(
          task -> {
            try {
              String stat = Files.readString(task.resolve("stat"));
              String comm =
                  stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                      .replaceAll("(?<=[-_ #])\\d+", "#");
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              byName.merge(
                  comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
            } catch (IOException | RuntimeException gone) {
              // the thread ended
            }
          });
    } catch (IOException | RuntimeException unknown) {
      // no pid
    }
    return byName;
  }

  /** Threads that ended during the phase are missing from the "after" figures: a lower bound. */
  static String busiest(Map<String, Double> before, Map<String, Double> after, int events) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(5)
        .map(e -> String.format("%s %.3f", e.getKey(), 1000 * e.getValue() / events))
        .collect(Collectors.joining(", "));
  }

  // --- small helpers ---

  static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.WARNING);
    return logger;
  }
}
