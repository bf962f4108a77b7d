package io.conversationorchestrator.communication;

public enum ContentType {
  TEXT,
  TRANSCRIPTION
}
