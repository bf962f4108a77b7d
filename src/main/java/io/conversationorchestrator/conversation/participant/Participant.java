package io.conversationorchestrator.conversation.participant;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant row as {@link ParticipantRepository} reads and writes it with the reactive SQL
 * client; a plain object, not a Hibernate entity.
 */
public class Participant {
  public UUID id;
  public UUID conversationId;
  public String accountSid;
  public String name;

  public ParticipantType type;

  public UUID profileId;

  public ParticipantContact contact;

  public Instant createdAt;
  public Instant updatedAt;
}
