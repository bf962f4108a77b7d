package io.conversationorchestrator.participant;

public enum ParticipantType {
  HUMAN_AGENT,
  CUSTOMER,
  AI_AGENT,
  AGENT,
  UNKNOWN
}
