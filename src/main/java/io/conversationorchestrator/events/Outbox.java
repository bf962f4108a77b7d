package io.conversationorchestrator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Appends domain events to the outbox in the caller's transaction: the change and its event commit
 * together or not at all. The relay publishes them to Kafka afterwards. The outbox sequence is
 * assigned at insert; since every writer of a conversation's events holds that conversation's row
 * lock, one conversation's events are numbered in commit order.
 */
@ApplicationScoped
public class Outbox {
  private static final String INSERT =
      "insert into outbox_event (id, stream, message_key, event_type, account_sid, subject,"
          + " payload, created_at) values ";
  // Bound as text, then parsed: a parameter typed jsonb would take a Java String as a JSON string.
  private static final String ROW = "(?, ?, ?, ?, ?, ?, cast(cast(? as text) as jsonb), ?)";

  private final ObjectMapper json;

  public Outbox(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param key the Kafka key: the conversation id (configuration id for configuration events)
   * @param subject the id of the resource the event is about
   * @param data the resource as the API returns it
   */
  public Uni<Void> append(
      EventType type, String key, String subject, String accountSid, Object data) {
    return appendAll(List.of(new PendingEvent(type, key, subject, accountSid, data, null)));
  }

  /** An event that reports a status change as well. */
  public Uni<Void> append(
      EventType type,
      String key,
      String subject,
      String accountSid,
      Object data,
      StatusChange change) {
    return appendAll(List.of(new PendingEvent(type, key, subject, accountSid, data, change)));
  }

  /** Appends events with one multi-row insert, in list order (the sweeper writes hundreds). */
  public Uni<Void> appendAll(List<PendingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = Time.now();
    String sql = INSERT + String.join(", ", Collections.nCopies(events.size(), ROW));
    return Panache.getSession()
        .chain(
            s -> {
              var insert = s.createNativeQuery(sql);
              int p = 1;
              for (PendingEvent e : events) {
                insert.setParameter(p++, ResourceType.newUuid());
                insert.setParameter(p++, e.type().stream().name());
                insert.setParameter(p++, e.key());
                insert.setParameter(p++, e.type().name());
                insert.setParameter(p++, e.accountSid());
                insert.setParameter(p++, e.subject());
                insert.setParameter(p++, serialize(payload(e, now)));
                insert.setParameter(p++, now);
              }
              return insert.executeUpdate();
            })
        .replaceWithVoid();
  }

  private static DomainEvent payload(PendingEvent e, Instant at) {
    StatusChange c = e.change();
    return c == null
        ? new DomainEvent(e.type(), at, null, null, null, e.data())
        : new DomainEvent(e.type(), at, c.previousStatus(), c.status(), c.reason(), e.data());
  }

  private String serialize(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
