package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.Channel;
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
@Table(name = "communication")
public class CommunicationEntity {
  @Id public UUID id;
  public UUID conversationId;
  public String accountSid;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @JdbcTypeCode(SqlTypes.JSON)
  public CommunicationDocument body;

  public String channelId;
  public String resourceId;
  public Instant occurredAt;
  public Instant createdAt;
  public Instant updatedAt;
}
