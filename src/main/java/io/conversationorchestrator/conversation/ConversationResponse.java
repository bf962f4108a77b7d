package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The contract's Conversation, plus the fields clients of a lifecycle service need: the last
 * activity and the next scheduled transitions (null where none applies), the snooze ({@code
 * snoozedUntil}, {@code wakeOnActivity}), when the closing warning is due, and when a customer and
 * an agent last spoke, and when an agent's answer to the waiting customer is due under a response
 * SLA (it stays after a breach, until an agent answers). {@code configurationId} is null (present,
 * not absent) for a conversation configured inline. {@code previousConversationId} (likewise null
 * when none) names the CLOSED conversation of the same grouping key this one followed within the
 * reopen-link window.
 */
public record ConversationResponse(
    String id,
    String accountId,
    String configurationId,
    ConversationStatus status,
    String name,
    Instant createdAt,
    Instant updatedAt,
    ConversationConfiguration configuration,
    Map<String, String> metadata,
    List<ParticipantResponse> participants,
    Instant lastActivityAt,
    Instant inactiveAt,
    Instant closesAt,
    Instant snoozedUntil,
    boolean wakeOnActivity,
    Instant closeWarningAt,
    Instant lastCustomerActivityAt,
    Instant lastAgentActivityAt,
    Instant slaDueAt,
    String previousConversationId) {

  public static ConversationResponse of(Conversation e, List<Participant> participants) {
    return new ConversationResponse(
        ResourceType.CONVERSATION.format(e.id),
        e.accountSid,
        e.configurationId == null ? null : ResourceType.CONFIGURATION.format(e.configurationId),
        e.status(),
        e.name,
        e.createdAt,
        e.updatedAt,
        e.configuration,
        e.metadata,
        participants.stream().map(ParticipantResponse::of).toList(),
        e.lastActivityAt,
        e.inactiveAt,
        e.closesAt,
        e.snoozedUntil,
        e.wakeOnActivity,
        e.closeWarningAt,
        e.lastCustomerActivityAt,
        e.lastAgentActivityAt,
        e.slaDueAt,
        e.previousConversationId == null
            ? null
            : ResourceType.CONVERSATION.format(e.previousConversationId));
  }
}
