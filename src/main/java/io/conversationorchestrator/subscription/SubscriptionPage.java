package io.conversationorchestrator.subscription;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {subscriptions: [...], meta: {...}}}. */
public record SubscriptionPage(List<SubscriptionResponse> subscriptions, PageMeta meta) {
  public static final String KEY = "subscriptions";

  static SubscriptionPage of(Page<SubscriptionResponse> page) {
    return new SubscriptionPage(page.items(), page.meta());
  }
}
