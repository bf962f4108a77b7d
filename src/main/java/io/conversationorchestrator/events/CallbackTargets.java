package io.conversationorchestrator.events;

/**
 * Where an event's status callbacks go, as its producer's types say (not as a JSON path of the
 * payload): the outbox stores it beside the event and the relay publishes it as the {@code
 * ce_callbacks} header, so the callback intake never looks for URLs in the payload. Implemented by
 * the feature that knows the data's types (package callback); events stays below it.
 */
public interface CallbackTargets {
  /** The value to publish for this event (serialized as JSON), or null when it names none. */
  Object of(PendingEvent event);
}
