package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.Page;
import io.conversationorchestrator.api.PageMeta;
import java.util.List;

/** The list envelope: {@code {conversations: [...], meta: {...}}}. */
public record ConversationPage(List<ConversationResponse> conversations, PageMeta meta) {
  public static final String KEY = "conversations";

  public static ConversationPage of(Page<ConversationResponse> page) {
    return new ConversationPage(page.items(), page.meta());
  }
}
