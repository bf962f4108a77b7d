package io.conversationorchestrator.action;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "action")
public class ActionEntity {
  @Id public UUID id;
  public String accountSid;
  public UUID conversationId;

  @Enumerated(EnumType.STRING)
  public ActionType type;

  @Enumerated(EnumType.STRING)
  public ActionStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public SendMessageCommand request;

  @JdbcTypeCode(SqlTypes.JSON)
  public ActionRelated related;

  public String failureReason;
  public Instant expiresAt;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant completedAt;
}
