package io.conversationorchestrator.action;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An adapter's report, the body of {@code POST …/Actions/{id}/Result}: {@code COMPLETED} with the
 * sent message's id (it becomes {@code related.messageSid} and the communication's {@code
 * channelId}), or {@code FAILED} with a reason.
 */
public record ActionResult(
    @NotNull ActionStatus status,
    @Size(min = 1, max = 128) String messageId,
    @Size(min = 1, max = 1024) String failureReason) {}
