package io.conversationorchestrator.action;

/** PENDING until the adapter reports (COMPLETED or FAILED) or the timeout passes (FAILED). */
public enum ActionStatus {
  PENDING,
  COMPLETED,
  FAILED
}
