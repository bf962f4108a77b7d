package io.conversationorchestrator.lifecycle;

public enum ConversationStatus {
  ACTIVE,
  INACTIVE,
  CLOSED
}
