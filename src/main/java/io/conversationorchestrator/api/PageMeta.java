package io.conversationorchestrator.api;

/** The contract's {@code meta} object of every list answer. */
public record PageMeta(String key, int pageSize, String nextToken, String previousToken) {}
