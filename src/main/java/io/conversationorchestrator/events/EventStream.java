package io.conversationorchestrator.events;

/** The aggregates whose events go to Kafka, each to its own topic. */
public enum EventStream {
  CONVERSATIONS,
  CONFIGURATIONS
}
