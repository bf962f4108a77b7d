package io.conversationorchestrator.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode: the JSON event is the value, the
 * CloudEvents attributes are {@code ce_*} headers, the trace context of the write that made the
 * event is the {@code traceparent} header. The producer is idempotent with {@code acks=all}.
 *
 * <p>Headers: {@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code
 * ce_time}, {@code ce_subject}, {@code content-type}, {@code traceparent} (when the row has one),
 * and two CloudEvents extension attributes: {@code ce_accountid}, the account the event belongs to
 * (when it has one), and {@code ce_callbacks}, on conversation events, the conversation's status
 * callbacks at the event as JSON, {@code {"configurationId": ..., "statusCallbacks": [...]}} (see
 * {@link CallbackTargets}). The callback intake reads these headers instead of parsing the value.
 * Created at start-up, so its producer metrics are there before the first event.
 */
@Startup
@ApplicationScoped
public class KafkaPublisher {
  private final KafkaProducer<String, String> producer;
  private final ExecutorService sender;
  private final EventsConfig config;

  public KafkaPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      EventsConfig config,
      MeterRegistry registry) {
    this.config = config;
    this.producer = new KafkaProducer<>(producerConfig(kafka, config));
    // Created here, not by SmallRye, so Quarkus' Kafka binder does not see it: bound by hand
    // (kafka_producer_record_error_total and the rest of the producer's metrics).
    new KafkaClientMetrics(producer).bindTo(registry);
    this.sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-sender"));
  }

  /**
   * Publishes rows and answers the sequence numbers Kafka acknowledged. One key's rows go one after
   * another, each once the previous one is acknowledged, so a failed row is never overtaken by a
   * later row of its conversation; different keys go in parallel. A key stops at its first failure;
   * a refused send (broker unreachable) stops them all.
   */
  Uni<List<Long>> publish(List<OutboxRow> rows) {
    return Uni.createFrom()
        .completionStage(
            () ->
                CompletableFuture.supplyAsync(() -> startChains(rows), sender)
                    .thenCompose(acked -> acked));
  }

  private CompletableFuture<List<Long>> startChains(List<OutboxRow> rows) {
    Map<String, List<OutboxRow>> byKey = new LinkedHashMap<>();
    rows.forEach(row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
    AtomicBoolean refused = new AtomicBoolean();
    List<CompletableFuture<List<Long>>> chains =
        byKey.values().stream().map(keyRows -> chain(keyRows, 0, refused)).toList();
    return CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
        .thenApply(done -> chains.stream().flatMap(c -> c.join().stream()).toList());
  }

  private CompletableFuture<List<Long>> chain(
      List<OutboxRow> rows, int next, AtomicBoolean refused) {
    if (next == rows.size()) {
      return CompletableFuture.completedFuture(List.of());
    }
    long seq = rows.get(next).seq();
    return send(rows.get(next), refused)
        .thenComposeAsync(
            acked ->
                !acked
                    ? CompletableFuture.completedFuture(List.<Long>of())
                    : chain(rows, next + 1, refused).thenApply(rest -> prepend(seq, rest)),
            sender);
  }

  /** Runs on the sender thread: {@code send} may block while the producer waits for metadata. */
  private CompletableFuture<Boolean> send(OutboxRow row, AtomicBoolean refused) {
    CompletableFuture<Boolean> acked = new CompletableFuture<>();
    if (refused.get()) {
      acked.complete(false);
      return acked;
    }
    try {
      producer.send(record(row), (metadata, error) -> acked.complete(error == null));
    } catch (RuntimeException e) {
      refused.set(true);
      acked.complete(false);
    }
    return acked;
  }

  private static List<Long> prepend(long seq, List<Long> rest) {
    List<Long> all = new ArrayList<>(rest.size() + 1);
    all.add(seq);
    all.addAll(rest);
    return all;
  }

  private ProducerRecord<String, String> record(OutboxRow row) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", row.id().toString());
    header(headers, "ce_type", row.eventType());
    header(headers, "ce_source", config.source());
    header(headers, "ce_time", row.createdAt().toInstant().toString());
    header(headers, "ce_subject", row.subject());
    header(headers, "content-type", "application/json");
    if (row.traceparent() != null) { // CloudEvents distributed tracing, as OpenTelemetry's Kafka
      header(headers, "traceparent", row.traceparent());
    }
    if (row.accountSid() != null) {
      header(headers, "ce_accountid", row.accountSid());
    }
    if (row.callbacks() != null) {
      header(headers, "ce_callbacks", row.callbacks());
    }
    return new ProducerRecord<>(topic(row.stream()), null, row.key(), row.payload(), headers);
  }

  private String topic(String stream) {
    return switch (EventStream.valueOf(stream)) {
      case CONFIGURATIONS -> config.topics().configurations();
      case ACTIONS -> config.topics().actions();
      case CONVERSATIONS -> config.topics().conversations();
    };
  }

  private static Map<String, Object> producerConfig(
      Map<String, Object> kafka, EventsConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.putAll(config.producer());
    return props;
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  void close(@Observes ShutdownEvent event) {
    sender.shutdown();
    producer.close(Duration.ofSeconds(5));
  }
}
