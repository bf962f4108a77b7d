package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Traces;
import io.conversationorchestrator.platform.VertxContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the conversation events (its own consumer group) and stores their deliveries. A batch is
 * acknowledged, and its offsets committed, only after its deliveries are committed in PostgreSQL;
 * storing is retried until it succeeds, so a failure never skips an event, and a redelivered event
 * finds its deliveries already there (unique on event, URL and method). Each event gets an intake
 * span continuing the record's {@code traceparent}; its deliveries continue that span.
 */
@ApplicationScoped
public class EventIntake {
  private static final Logger LOG = Logger.getLogger(EventIntake.class);

  private final DeliveryPlanner planner;
  private final ObjectMapper json;
  private final Traces traces;

  public EventIntake(DeliveryPlanner planner, ObjectMapper json, Traces traces) {
    this.planner = planner;
    this.json = json;
    this.traces = traces;
  }

  @Incoming("callback-events")
  public Uni<Void> intake(ConsumerRecords<String, String> batch) {
    return store(batch);
  }

  /** Commands to channel adapters, delivered to the channel's sender URL (package action). */
  @Incoming("action-commands")
  public Uni<Void> intakeCommands(ConsumerRecords<String, String> batch) {
    return store(batch);
  }

  private Uni<Void> store(ConsumerRecords<String, String> batch) {
    List<InboundEvent> events = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    for (ConsumerRecord<String, String> record : batch) {
      parse(record, spans).ifPresent(events::add);
    }
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Executor context = VertxContexts.current();
    return Uni.createFrom()
        .deferred(() -> planner.plan(events))
        .runSubscriptionOn(context)
        .onFailure()
        .invoke(e -> LOG.warnf("Storing callback deliveries failed, retrying: %s", e.getMessage()))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely()
        .eventually(() -> spans.forEach(Span::end));
  }

  private Optional<InboundEvent> parse(ConsumerRecord<String, String> record, List<Span> spans) {
    try {
      Optional<UUID> conversation = ResourceType.CONVERSATION.parse(record.key());
      Header id = record.headers().lastHeader("ce_id");
      JsonNode event = json.readTree(record.value());
      if (conversation.isEmpty() || id == null || !event.hasNonNull("eventType")) {
        LOG.warnf("Skipping a record that is not a domain event (offset %d)", record.offset());
        return Optional.empty();
      }
      UUID eventId = UUID.fromString(new String(id.value(), StandardCharsets.UTF_8));
      String type = event.get("eventType").asText();
      Span span = intakeSpan(record, type);
      spans.add(span);
      return Optional.of(
          new InboundEvent(
              eventId, conversation.get(), type, event, record.value(), Traces.traceparent(span)));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf("Skipping an unreadable record (offset %d): %s", record.offset(), e.getMessage());
      return Optional.empty();
    }
  }

  private Span intakeSpan(ConsumerRecord<String, String> record, String type) {
    Header traceparent = record.headers().lastHeader("traceparent");
    Span span =
        traces.start(
            record.topic() + " process",
            SpanKind.CONSUMER,
            traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8),
            record.key());
    span.setAttribute(Traces.EVENT_TYPE, type);
    return span;
  }
}
