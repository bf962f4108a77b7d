package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A domain event read from Kafka, as the callback intake needs it. */
record InboundEvent(
    UUID eventId, UUID conversationId, String eventType, JsonNode event, String payload) {
  String accountSid() {
    return event.path("data").path("accountId").asText();
  }

  boolean isAboutConversation() {
    return eventType.startsWith("CONVERSATION_");
  }
}
