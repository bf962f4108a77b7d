package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantType;
import java.util.List;

/**
 * A communication body with every participantId filled in, the type of its author's participant
 * (null when it has none), which the timer bases need, and the conversation's participants after
 * resolving (those added for it included).
 */
record ResolvedBody(
    CommunicationBody body, ParticipantType authorType, List<Participant> participants) {}
