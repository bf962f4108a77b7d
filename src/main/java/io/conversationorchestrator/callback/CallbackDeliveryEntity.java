package io.conversationorchestrator.callback;

import io.conversationorchestrator.configuration.CallbackMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A delivery as the API reads it; the dispatcher works on these rows with set-based SQL. */
@Entity
@Table(name = "callback_delivery")
public class CallbackDeliveryEntity {
  @Id public UUID id;
  public String accountSid;
  public UUID conversationId;
  public UUID eventId;
  public String eventType;
  public String url;

  @Enumerated(EnumType.STRING)
  public CallbackMethod method;

  @Enumerated(EnumType.STRING)
  public CallbackStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public Attempts attempts;

  public Instant nextAttemptAt;
  public Instant createdAt;
  public Instant updatedAt;
}
