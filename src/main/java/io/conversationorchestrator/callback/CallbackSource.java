package io.conversationorchestrator.callback;

import io.conversationorchestrator.configuration.StatusCallback;
import java.util.List;
import java.util.UUID;

/**
 * A conversation's status callbacks and the configuration it was created from (null when inline):
 * what the planner needs of a conversation. Published with a conversation event as the {@code
 * ce_callbacks} header (as they were at the event), or read from the conversation's row.
 */
public record CallbackSource(UUID configurationId, List<StatusCallback> statusCallbacks) {
  static final CallbackSource NONE = new CallbackSource(null, List.of());

  public CallbackSource {
    statusCallbacks = statusCallbacks == null ? List.of() : statusCallbacks;
  }
}
