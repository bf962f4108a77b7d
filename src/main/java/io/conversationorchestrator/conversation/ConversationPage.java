package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {conversations: [...], meta: {...}}}. */
public record ConversationPage(List<ConversationResponse> conversations, PageMeta meta) {
  public static final String KEY = "conversations";

  public static ConversationPage of(Page<ConversationResponse> page) {
    return new ConversationPage(page.items(), page.meta());
  }
}
