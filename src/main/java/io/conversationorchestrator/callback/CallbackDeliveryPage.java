package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {callbackDeliveries: [...], meta: {...}}}. */
public record CallbackDeliveryPage(
    List<CallbackDeliveryResponse> callbackDeliveries, PageMeta meta) {
  public static final String KEY = "callbackDeliveries";

  static CallbackDeliveryPage of(Page<CallbackDeliveryResponse> page) {
    return new CallbackDeliveryPage(page.items(), page.meta());
  }
}
