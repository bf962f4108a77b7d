package io.conversationorchestrator.subscription;

import io.conversationorchestrator.configuration.CallbackMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "subscription")
public class SubscriptionEntity {
  @Id public UUID id;
  public String accountSid;
  public String url;

  @Enumerated(EnumType.STRING)
  public CallbackMethod method;

  /** The event types wanted, as the client listed them; null means all. */
  @JdbcTypeCode(SqlTypes.JSON)
  public EventFilter events;

  /** Only conversations of this configuration; null means every conversation of the account. */
  public UUID configurationId;

  public Instant createdAt;
  public Instant updatedAt;

  /** The stored filter: a JSON object, as the reactive client maps JSON columns to objects. */
  public record EventFilter(List<String> types) {}

  /** The event types wanted, or null for all. */
  List<String> eventTypes() {
    return events == null ? null : events.types();
  }

  /** Overwrites every client-writable field (create, and a merged PATCH). */
  void apply(SubscriptionBody body, UUID configuration) {
    url = body.url();
    method = body.method();
    events = body.events() == null ? null : new EventFilter(body.events());
    configurationId = configuration;
  }
}
