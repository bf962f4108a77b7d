package io.conversationorchestrator.action;

import io.conversationorchestrator.api.ResourceType;
import java.time.Instant;

/**
 * The contract's Action, plus {@code accountId} as every other resource has it (the SDKs ignore
 * fields they do not know; status callbacks are signed for it).
 */
public record ActionResponse(
    String id,
    ActionType type,
    ActionStatus status,
    String conversationId,
    String accountId,
    ActionRelated related,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    String failureReason) {

  public static ActionResponse of(Action e) {
    return new ActionResponse(
        ResourceType.ACTION.format(e.id),
        e.type,
        e.status,
        ResourceType.CONVERSATION.format(e.conversationId),
        e.accountSid,
        e.related,
        e.createdAt,
        e.updatedAt,
        e.completedAt,
        e.failureReason);
  }
}
