package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {communications: [...], meta: {...}}}. */
public record CommunicationPage(List<CommunicationResponse> communications, PageMeta meta) {
  public static final String KEY = "communications";

  public static CommunicationPage of(Page<CommunicationResponse> page) {
    return new CommunicationPage(page.items(), page.meta());
  }
}
