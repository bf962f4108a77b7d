package io.conversationorchestrator.conversation.communication;

public enum ContentType {
  TEXT,
  TRANSCRIPTION
}
