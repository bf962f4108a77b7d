package io.conversationorchestrator.callback;

/** Where a delivery stands. */
public enum CallbackStatus {
  PENDING,
  FAILED_RETRYING,
  SUCCEEDED,
  DEAD
}
