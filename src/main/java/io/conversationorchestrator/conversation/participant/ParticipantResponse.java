package io.conversationorchestrator.conversation.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.api.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * The contract's Participant resource. {@code name} is left out when unset rather than null:
 * Twilio's agent tooling types it optional but not nullable.
 */
public record ParticipantResponse(
    String id,
    String conversationId,
    String accountId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String name,
    ParticipantType type,
    String profileId,
    List<Address> addresses,
    Instant createdAt,
    Instant updatedAt) {

  public static ParticipantResponse of(Participant e) {
    return new ParticipantResponse(
        ResourceType.PARTICIPANT.format(e.id),
        ResourceType.CONVERSATION.format(e.conversationId),
        e.accountSid,
        e.name,
        e.type,
        e.profileId == null ? null : ResourceType.PROFILE.format(e.profileId),
        e.contact.addresses(),
        e.createdAt,
        e.updatedAt);
  }
}
