package io.conversationorchestrator.conversation.lifecycle;

/**
 * The result of applying an event to a timeline.
 *
 * @param timeline the timeline after the event
 * @param transition the status change it caused, or null
 */
public record Outcome(Timeline timeline, Transition transition) {
  public boolean changedStatus() {
    return transition != null;
  }
}
