package io.conversationorchestrator.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends domain events to the outbox in the caller's transaction: the change and its event commit
 * together or not at all. The relay publishes them to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {
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
    return append(type, key, subject, accountSid, data, null);
  }

  /** An event that reports a status change as well. */
  public Uni<Void> append(
      EventType type,
      String key,
      String subject,
      String accountSid,
      Object data,
      StatusChange change) {
    OutboxEventEntity event = new OutboxEventEntity();
    event.id = ResourceType.newUuid();
    event.stream = type.stream().name();
    event.messageKey = key;
    event.eventType = type.name();
    event.accountSid = accountSid;
    event.subject = subject;
    event.createdAt = Time.now();
    DomainEvent payload =
        change == null
            ? new DomainEvent(type, event.createdAt, null, null, null, data)
            : new DomainEvent(
                type,
                event.createdAt,
                change.previousStatus(),
                change.status(),
                change.reason(),
                data);
    event.payload = json.valueToTree(payload);
    return Panache.getSession().chain(s -> s.persist(event));
  }
}
