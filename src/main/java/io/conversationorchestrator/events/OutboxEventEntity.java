package io.conversationorchestrator.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the outbox for the relay; deleted once Kafka has acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  public UUID id;
  public String stream;
  public String messageKey;
  public String eventType;
  public String accountSid;
  public String subject;

  @JdbcTypeCode(SqlTypes.JSON)
  public JsonNode payload;

  public Instant createdAt;
}
