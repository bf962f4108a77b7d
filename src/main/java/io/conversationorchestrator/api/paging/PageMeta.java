package io.conversationorchestrator.api.paging;

/** The contract's {@code meta} object of every list answer. */
public record PageMeta(String key, int pageSize, String nextToken, String previousToken) {}
