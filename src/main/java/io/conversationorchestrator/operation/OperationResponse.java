package io.conversationorchestrator.operation;

import java.time.Instant;
import java.util.Map;

/** The contract's OperationStatus body. */
public record OperationResponse(
    String operationId,
    OperationStatus status,
    Instant createdAt,
    Instant completedAt,
    String statusUrl,
    Problem error,
    Map<String, String> related) {}
