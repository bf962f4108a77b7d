package io.conversationorchestrator.action;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {actions: [...], meta: {...}}} (not in the contract; ours). */
public record ActionPage(List<ActionResponse> actions, PageMeta meta) {
  public static final String KEY = "actions";

  public static ActionPage of(Page<ActionResponse> page) {
    return new ActionPage(page.items(), page.meta());
  }
}
