package io.conversationorchestrator.conversation.lifecycle;

public enum ConversationStatus {
  ACTIVE,
  INACTIVE,
  CLOSED
}
