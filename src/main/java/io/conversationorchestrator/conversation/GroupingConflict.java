package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;

/** The customer already has an open conversation under this configuration. */
public class GroupingConflict extends ApiException {
  public GroupingConflict(String openConversationId) {
    super(
        ApiError.CONFLICT,
        "The customer already has an open conversation under this configuration: "
            + openConversationId,
        openConversationId);
  }
}
