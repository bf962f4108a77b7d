package io.conversationorchestrator.conversation.participant;

public enum ParticipantType {
  HUMAN_AGENT,
  CUSTOMER,
  AI_AGENT,
  AGENT,
  UNKNOWN
}
