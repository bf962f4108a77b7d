package io.conversationorchestrator.events;

/** The aggregates whose events go to Kafka, each to its own topic. */
public enum EventStream {
  CONVERSATIONS,
  CONFIGURATIONS,
  /** Commands to channel adapters (package {@code action}), keyed by conversation id. */
  ACTIONS
}
