package io.conversationorchestrator.callback;

import io.conversationorchestrator.events.EventType;
import java.util.UUID;

/**
 * A domain event read from Kafka, as the callback intake needs it: its facts from the record's
 * headers and key, its payload as published (the webhook body), the callbacks it carries ({@code
 * ce_callbacks}; null when it carries none: its conversation's current ones apply), the channel of
 * an action command, and the {@code traceparent} of its intake span (its deliveries continue that
 * trace).
 */
record InboundEvent(
    UUID eventId,
    UUID conversationId,
    String eventType,
    String accountSid,
    String payload,
    CallbackSource callbacks,
    String commandChannel,
    String traceparent) {

  /** A command to a channel adapter: it goes to the channel's sender, not to status callbacks. */
  boolean isActionCommand() {
    return EventType.ACTION_SEND_MESSAGE_REQUESTED.name().equals(eventType);
  }
}
