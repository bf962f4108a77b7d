package io.conversationorchestrator.action;

/** What an action does. Requests and responses both use these names (as Twilio's tooling does). */
public enum ActionType {
  SEND_MESSAGE
}
