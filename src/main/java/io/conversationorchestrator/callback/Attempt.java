package io.conversationorchestrator.callback;

import java.time.Instant;

/**
 * One try of a delivery: when, the HTTP status (null when none came back), how long it took, and
 * what went wrong (null on success).
 */
public record Attempt(Instant at, Integer httpStatus, long latencyMs, String error) {}
