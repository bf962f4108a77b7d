package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.ResourceType;
import java.time.Instant;
import java.util.List;

/** The contract's Communication resource. */
public record CommunicationResponse(
    String id,
    String conversationId,
    String accountId,
    Author author,
    Content content,
    String channelId,
    String resourceId,
    List<Recipient> recipients,
    Instant createdAt,
    Instant updatedAt,
    Instant occurredAt) {

  public static CommunicationResponse of(Communication e) {
    return new CommunicationResponse(
        ResourceType.COMMUNICATION.format(e.id),
        ResourceType.CONVERSATION.format(e.conversationId),
        e.accountSid,
        e.body.author(),
        e.body.content(),
        e.channelId,
        e.resourceId,
        e.body.recipients(),
        e.createdAt,
        e.updatedAt,
        e.occurredAt);
  }
}
