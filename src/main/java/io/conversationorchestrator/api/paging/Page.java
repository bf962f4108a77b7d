package io.conversationorchestrator.api.paging;

import java.util.List;
import java.util.function.Function;

/** One page of items and its meta; resources wrap it in their own named envelope. */
public record Page<T>(List<T> items, PageMeta meta) {
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), meta);
  }
}
