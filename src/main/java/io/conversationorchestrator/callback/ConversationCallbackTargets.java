package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.events.CallbackTargets;
import io.conversationorchestrator.events.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The callbacks a conversation event carries beside it (the {@code ce_callbacks} header): taken
 * from the typed conversation the event is about, so renaming a response field cannot silence them.
 * Other events carry none: the planner reads their conversation's current callbacks.
 */
@ApplicationScoped
class ConversationCallbackTargets implements CallbackTargets {
  @Override
  public Object of(PendingEvent event) {
    if (!(event.data() instanceof ConversationResponse conversation)
        || conversation.configuration() == null) {
      return null;
    }
    return new CallbackSource(
        conversation.configurationId() == null
            ? null
            : ResourceType.CONFIGURATION.parse(conversation.configurationId()).orElse(null),
        conversation.configuration().statusCallbacks());
  }
}
