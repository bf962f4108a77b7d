package io.conversationorchestrator.ingestion;

/** Which side of the traffic is the customer: INBOUND, {@code from}; OUTBOUND, {@code to}. */
public enum Direction {
  INBOUND,
  OUTBOUND
}
