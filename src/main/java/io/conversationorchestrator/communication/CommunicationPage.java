package io.conversationorchestrator.communication;

import io.conversationorchestrator.api.Page;
import io.conversationorchestrator.api.PageMeta;
import java.util.List;

/** The list envelope: {@code {communications: [...], meta: {...}}}. */
public record CommunicationPage(List<CommunicationResponse> communications, PageMeta meta) {
  public static final String KEY = "communications";

  public static CommunicationPage of(Page<CommunicationResponse> page) {
    return new CommunicationPage(page.items(), page.meta());
  }
}
