package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.json.StrictJson;
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
import java.util.Objects;
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
 * span continuing the record's {@code traceparent}; its deliveries continue that span. What an
 * event is comes from the record's key and headers (see {@code events.KafkaPublisher}), not from
 * parsing the value, which is stored as it came for the webhook body.
 */
@ApplicationScoped
public class EventIntake {
  private static final Logger LOG = Logger.getLogger(EventIntake.class);

  private final DeliveryPlanner planner;
  private final ObjectMapper json;
  private final ObjectReader callbackSource;
  private final Traces traces;

  public EventIntake(DeliveryPlanner planner, ObjectMapper json, Traces traces) {
    this.planner = planner;
    this.json = json;
    // our own header, read leniently: a field added by a newer writer must not stop intake
    this.callbackSource = StrictJson.lenient(json, CallbackSource.class);
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

  /**
   * The event from the record's key and headers; the value is kept as published, for the webhook
   * body, and parsed only when a header is missing (a record of an older writer) or for an action
   * command's channel.
   */
  private Optional<InboundEvent> parse(ConsumerRecord<String, String> record, List<Span> spans) {
    try {
      Optional<UUID> conversation = ResourceType.CONVERSATION.parse(record.key());
      String id = header(record, "ce_id");
      Payload payload = new Payload(record.value());
      String type = header(record, "ce_type");
      if (type == null) {
        type = payload.text("eventType");
      }
      if (conversation.isEmpty() || id == null || type == null) {
        LOG.warnf("Skipping a record that is not a domain event (offset %d)", record.offset());
        return Optional.empty();
      }
      String account = header(record, "ce_accountid");
      if (account == null) {
        account = Objects.requireNonNullElse(payload.text("data", "accountId"), "");
      }
      String callbacks = header(record, "ce_callbacks");
      CallbackSource carried = callbacks == null ? null : callbackSource.readValue(callbacks);
      String channel =
          EventType.ACTION_SEND_MESSAGE_REQUESTED.name().equals(type)
              ? payload.text("data", "from", "channel")
              : null;
      Span span = intakeSpan(record, type);
      spans.add(span);
      return Optional.of(
          new InboundEvent(
              UUID.fromString(id),
              conversation.get(),
              type,
              account,
              record.value(),
              carried,
              channel,
              Traces.traceparent(span)));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf("Skipping an unreadable record (offset %d): %s", record.offset(), e.getMessage());
      return Optional.empty();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The record's value, parsed once and only if a field of it is asked for. */
  private final class Payload {
    private final String text;
    private JsonNode tree;

    Payload(String text) {
      this.text = text;
    }

    /** The value at this path as text, or null (absent, JSON null, or an object or array). */
    String text(String... path) throws IOException {
      if (tree == null) {
        tree = json.readTree(text);
      }
      JsonNode node = tree;
      for (String name : path) {
        node = node.path(name);
      }
      return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
  }

  private Span intakeSpan(ConsumerRecord<String, String> record, String type) {
    Span span =
        traces.start(
            record.topic() + " process",
            SpanKind.CONSUMER,
            header(record, "traceparent"),
            record.key());
    span.setAttribute(Traces.EVENT_TYPE, type);
    return span;
  }
}
