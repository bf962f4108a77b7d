package io.conversationorchestrator.operation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "operation")
public class OperationEntity {
  @Id public UUID id;
  public String accountSid;

  @Enumerated(EnumType.STRING)
  public OperationStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, String> related;

  @JdbcTypeCode(SqlTypes.JSON)
  public Problem error;

  public Instant createdAt;
  public Instant completedAt;
}
