package io.conversationorchestrator.action;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A result on the Kafka results topic: the REST body plus which action of which account. */
public record ResultRecord(
    @NotNull @Size(max = 64) String accountId,
    @NotNull @Size(max = 64) String conversationId,
    @NotNull @Size(max = 64) String actionId,
    @NotNull ActionStatus status,
    @Size(min = 1, max = 128) String messageId,
    @Size(min = 1, max = 1024) String failureReason) {

  ActionResult result() {
    return new ActionResult(status, messageId, failureReason);
  }
}
