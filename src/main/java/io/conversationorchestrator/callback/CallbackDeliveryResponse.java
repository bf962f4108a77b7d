package io.conversationorchestrator.callback;

import java.time.Instant;
import java.util.List;

/** A delivery as the API shows it, with every attempt. */
public record CallbackDeliveryResponse(
    String id,
    String conversationId,
    String accountId,
    String eventId,
    String eventType,
    String url,
    String method,
    CallbackStatus status,
    List<Attempt> attempts,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt) {}
