package io.conversationorchestrator.conversation.lifecycle;

import java.time.Instant;

/**
 * A customer message no agent has answered yet, under a response SLA.
 *
 * @param sla FIRST_RESPONSE (no agent wrote before) or NEXT_RESPONSE
 * @param communicationId the first unanswered customer message
 * @param since when it was written
 * @param dueAt when an agent's answer is due
 * @param breached whether the breach event was given (once per unanswered message)
 */
public record PendingResponse(
    String sla, String communicationId, Instant since, Instant dueAt, boolean breached) {
  public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
  public static final String NEXT_RESPONSE = "NEXT_RESPONSE";

  public PendingResponse breach() {
    return new PendingResponse(sla, communicationId, since, dueAt, true);
  }
}
