package io.conversationorchestrator.conversation.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * A response SLA breach that is due: the event's details and the timeline that remembers it.
 *
 * @param pending the unanswered customer message
 * @param waited how long the customer has waited when the breach is reported
 * @param timeline the timeline after the breach
 */
public record SlaBreach(PendingResponse pending, Duration waited, Timeline timeline) {

  /** The {@code sla} object of a CONVERSATION_SLA_BREACHED event. */
  public Details details() {
    return new Details(
        pending.sla(),
        pending.communicationId(),
        pending.since(),
        pending.dueAt(),
        waited.toSeconds());
  }

  /**
   * @param type FIRST_RESPONSE or NEXT_RESPONSE
   * @param communicationId the customer message no agent answered
   * @param customerMessageAt when the customer wrote it
   * @param dueAt when the answer was due
   * @param waitedSeconds how long the customer had waited when the breach was reported
   */
  public record Details(
      String type,
      String communicationId,
      Instant customerMessageAt,
      Instant dueAt,
      long waitedSeconds) {}
}
