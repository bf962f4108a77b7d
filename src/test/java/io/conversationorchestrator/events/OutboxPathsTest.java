package io.conversationorchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conversationorchestrator.support.TopicReader;
import io.conversationorchestrator.support.TopicReader.Event;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox's two ways in, a Hibernate session's transaction and a reactive client connection's,
 * write the same events: what reaches Kafka differs only in what every append makes new (the
 * event's id and time, and, outside any trace, a trace of its own per event).
 */
@QuarkusTest
class OutboxPathsTest {
  @Inject Outbox outbox;
  @Inject Pool pool;

  /** A resource as an event carries it. */
  public record Data(String id, String displayName, List<String> tags) {}

  @Test
  void aSessionAndAClientConnectionAppendTheSameEvents() throws Throwable {
    String bySession = UUID.randomUUID().toString();
    String byClient = UUID.randomUUID().toString();
    try (TopicReader topic = new TopicReader("configurations")) {
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> outbox.appendAll(events(bySession))));
      VertxContextSupport.subscribeAndAwait(
          () -> pool.withTransaction(c -> outbox.appendAll(c, events(byClient))));

      List<Event> session = topic.await(bySession, Duration.ofSeconds(30), e -> e.size() >= 2);
      List<Event> client = topic.await(byClient, Duration.ofSeconds(30), e -> e.size() >= 2);

      assertThat(client.stream().map(OutboxPathsTest::comparable).toList())
          .isEqualTo(session.stream().map(OutboxPathsTest::comparable).toList())
          .hasSize(2);
      assertThat(client.get(0).value().path("eventType").asText())
          .isEqualTo("CONFIGURATION_UPDATED");
      assertThat(List.of(session, client))
          .allSatisfy(
              events ->
                  assertThat(events)
                      .extracting(Event::traceparent)
                      .allMatch(t -> t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                      .doesNotHaveDuplicates());
    }
  }

  private static List<PendingEvent> events(String key) {
    Data data = new Data("CF1", "paths \"quoted\" é", List.of("a", "b"));
    return List.of(
        new PendingEvent(
            EventType.CONFIGURATION_UPDATED,
            key,
            "CF1",
            "AC1",
            data,
            new StatusChange("ACTIVE", "INACTIVE", "TIMEOUT")),
        new PendingEvent(
            EventType.CONFIGURATION_DELETED, key, "CF1", "AC1", data, null, List.of("late")));
  }

  /** What both appends must agree on: headers and payload, without the event's id and time. */
  private static JsonNode comparable(Event e) {
    ObjectNode value = e.value().deepCopy();
    value.remove("timestamp");
    value
        .put("ce_type", e.ceType())
        .put("ce_subject", e.ceSubject())
        .put("ce_source", e.ceSource());
    return value;
  }
}
