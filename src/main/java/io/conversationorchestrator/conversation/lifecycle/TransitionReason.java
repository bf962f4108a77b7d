package io.conversationorchestrator.conversation.lifecycle;

/** Why a conversation's status changed. */
public enum TransitionReason {
  /** A deadline passed (the sweeper). */
  TIMER,
  /** A client set the status. */
  API,
  /** New activity (a communication) reactivated it. */
  ACTIVITY
}
