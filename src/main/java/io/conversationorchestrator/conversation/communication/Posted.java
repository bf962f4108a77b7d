package io.conversationorchestrator.conversation.communication;

/** A communication POST's outcome: created (201) or updated through its resourceId (200). */
public record Posted(boolean created, CommunicationResponse communication) {
  public int status() {
    return created ? 201 : 200;
  }
}
