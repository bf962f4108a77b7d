package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.events.EventType;
import java.util.UUID;

/**
 * A domain event read from Kafka, as the callback intake needs it, with the {@code traceparent} of
 * its intake span (its deliveries continue that trace).
 */
record InboundEvent(
    UUID eventId,
    UUID conversationId,
    String eventType,
    JsonNode event,
    String payload,
    String traceparent) {
  String accountSid() {
    return event.path("data").path("accountId").asText();
  }

  boolean isAboutConversation() {
    return eventType.startsWith("CONVERSATION_");
  }

  /** A command to a channel adapter: it goes to the channel's sender, not to status callbacks. */
  boolean isActionCommand() {
    return EventType.ACTION_SEND_MESSAGE_REQUESTED.name().equals(eventType);
  }

  /** The channel a command is sent on. */
  String commandChannel() {
    return event.path("data").path("from").path("channel").asText();
  }
}
