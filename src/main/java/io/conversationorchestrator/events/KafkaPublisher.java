package io.conversationorchestrator.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode: the JSON event is the value, the
 * CloudEvents attributes are {@code ce_*} headers. The producer is idempotent with {@code
 * acks=all}, so records it accepted keep their order per partition. A send that fails before the
 * producer accepts it (no metadata while the broker is away) ends the batch there: nothing after it
 * is handed over, so a later event of a conversation can never overtake an earlier one.
 */
@ApplicationScoped
public class KafkaPublisher {
  private final KafkaProducer<String, String> producer;
  private final ExecutorService sender;
  private final EventsConfig config;

  public KafkaPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafka, EventsConfig config) {
    this.config = config;
    this.producer = new KafkaProducer<>(producerConfig(kafka, config));
    this.sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-sender"));
  }

  /** Completes when Kafka acknowledged every row; fails if any was refused. */
  Uni<Void> publish(List<OutboxRow> rows) {
    return Uni.createFrom()
        .completionStage(
            () ->
                CompletableFuture.supplyAsync(() -> sendInOrder(rows), sender)
                    .thenCompose(acks -> acks));
  }

  /** Runs on the sender thread: {@code send} may block while the producer waits for metadata. */
  private CompletableFuture<Void> sendInOrder(List<OutboxRow> rows) {
    List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      acks.add(ack);
      try {
        producer.send(
            record(row),
            (metadata, error) -> {
              if (error == null) {
                ack.complete(null);
              } else {
                ack.completeExceptionally(error);
              }
            });
      } catch (RuntimeException refused) {
        ack.completeExceptionally(refused);
        break;
      }
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
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
    return new ProducerRecord<>(topic(row.stream()), null, row.key(), row.payload(), headers);
  }

  private String topic(String stream) {
    return EventStream.valueOf(stream) == EventStream.CONFIGURATIONS
        ? config.topics().configurations()
        : config.topics().conversations();
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
