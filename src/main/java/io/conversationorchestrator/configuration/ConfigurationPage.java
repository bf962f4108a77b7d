package io.conversationorchestrator.configuration;

import io.conversationorchestrator.api.paging.Page;
import io.conversationorchestrator.api.paging.PageMeta;
import java.util.List;

/** The list envelope: {@code {configurations: [...], meta: {...}}}. */
public record ConfigurationPage(List<ConfigurationResponse> configurations, PageMeta meta) {
  public static final String KEY = "configurations";

  public static ConfigurationPage of(Page<ConfigurationResponse> page) {
    return new ConfigurationPage(page.items(), page.meta());
  }
}
