package io.conversationorchestrator.conversation.lifecycle;

/** Why a conversation's status changed. */
public enum TransitionReason {
  /** A deadline passed (the sweeper). */
  TIMER,
  /** A client set the status. */
  API,
  /** New activity (a communication) reactivated it. */
  ACTIVITY,
  /** A client snoozed it: INACTIVE until {@code snoozedUntil}, its close timer paused. */
  SNOOZED,
  /** Its snooze ended: at {@code snoozedUntil} (the sweeper) or woken through the API. */
  SNOOZE_ENDED
}
