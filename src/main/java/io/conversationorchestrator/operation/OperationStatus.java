package io.conversationorchestrator.operation;

public enum OperationStatus {
  PENDING,
  COMPLETED,
  FAILED
}
