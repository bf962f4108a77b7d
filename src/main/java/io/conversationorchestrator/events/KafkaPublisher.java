package io.conversationorchestrator.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode: the JSON event is the value, the
 * CloudEvents attributes are {@code ce_*} headers. Rows are handed to the producer in the order
 * given, so with an idempotent producer one key's events keep that order on its partition.
 */
@ApplicationScoped
public class KafkaPublisher {
  private final Emitter<String> emitter;
  private final EventsConfig config;

  public KafkaPublisher(
      @Channel("domain-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
          Emitter<String> emitter,
      EventsConfig config) {
    this.emitter = emitter;
    this.config = config;
  }

  /** Completes when Kafka has acknowledged every row; fails if any was refused. */
  Uni<Void> publish(List<OutboxRow> rows) {
    CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      acks[i] = ack;
      emitter.send(message(rows.get(i), ack));
    }
    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks));
  }

  private Message<String> message(OutboxRow row, CompletableFuture<Void> ack) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", row.id().toString());
    header(headers, "ce_type", row.eventType());
    header(headers, "ce_source", config.source());
    header(headers, "ce_time", row.createdAt().toInstant().toString());
    header(headers, "ce_subject", row.subject());
    header(headers, "content-type", "application/json");
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(topic(row.stream()))
            .withKey(row.key())
            .withHeaders(headers)
            .build();
    return Message.of(row.payload())
        .addMetadata(metadata)
        .withAck(
            () -> {
              ack.complete(null);
              return CompletableFuture.completedFuture(null);
            })
        .withNack(
            failure -> {
              ack.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            });
  }

  private String topic(String stream) {
    return EventStream.valueOf(stream) == EventStream.CONFIGURATIONS
        ? config.topics().configurations()
        : config.topics().conversations();
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
