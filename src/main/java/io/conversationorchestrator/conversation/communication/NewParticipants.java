package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.participant.Address;
import io.conversationorchestrator.conversation.participant.ParticipantType;

/**
 * The type a communication's author or recipient gets when no participant of the conversation has
 * its address and one is added for it. The Communications API knows no direction, so it adds {@code
 * UNKNOWN}; ingestion knows which side is the customer (see {@code IngestionService}).
 */
@FunctionalInterface
public interface NewParticipants {
  NewParticipants UNKNOWN = address -> ParticipantType.UNKNOWN;

  ParticipantType typeOf(Address address);
}
