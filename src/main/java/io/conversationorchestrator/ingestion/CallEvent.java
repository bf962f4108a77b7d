package io.conversationorchestrator.ingestion;

/** A voice call's start or end, sent by a voice adapter to attach the call to a conversation. */
public enum CallEvent {
  STARTED,
  ENDED
}
