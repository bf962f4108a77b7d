package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.participant.ParticipantType;

/**
 * A communication body with every participantId filled in, and the type of its author's participant
 * (null when it has none), which the timer bases need.
 */
record ResolvedBody(CommunicationBody body, ParticipantType authorType) {}
