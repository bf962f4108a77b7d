package io.conversationorchestrator.configuration;

public enum CallbackMethod {
  POST,
  GET
}
