package io.conversationorchestrator.conversation.participant;

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
@Table(name = "participant")
public class ParticipantEntity {
  @Id public UUID id;
  public UUID conversationId;
  public String accountSid;
  public String name;

  @Enumerated(EnumType.STRING)
  public ParticipantType type;

  public UUID profileId;

  @JdbcTypeCode(SqlTypes.JSON)
  public ParticipantContact contact;

  public Instant createdAt;
  public Instant updatedAt;
}
