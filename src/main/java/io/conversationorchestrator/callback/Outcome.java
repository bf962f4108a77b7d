package io.conversationorchestrator.callback;

import java.time.Instant;
import java.util.UUID;

/** What to write back after an attempt. */
record Outcome(UUID deliveryId, CallbackStatus status, Attempt attempt, Instant nextAttemptAt) {}
