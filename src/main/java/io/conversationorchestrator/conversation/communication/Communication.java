package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A communication row as {@link CommunicationRepository} reads and writes it with the reactive SQL
 * client; a plain object, not a Hibernate entity.
 */
public class Communication {
  public UUID id;
  public UUID conversationId;
  public String accountSid;

  public Channel channel;

  public CommunicationDocument body;

  public String channelId;
  public String resourceId;
  public Instant occurredAt;
  public Instant createdAt;
  public Instant updatedAt;
}
