package io.conversationorchestrator.conversation.communication;

/** Per-recipient delivery state ({@code COMPLETED} is deprecated and never emitted upstream). */
public enum DeliveryStatus {
  INITIATED,
  IN_PROGRESS,
  DELIVERED,
  READ,
  COMPLETED,
  FAILED
}
