package io.conversationorchestrator.callback;

import io.conversationorchestrator.api.ResourceType;
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
    Instant updatedAt) {

  static CallbackDeliveryResponse of(CallbackDeliveryEntity e) {
    return new CallbackDeliveryResponse(
        ResourceType.CALLBACK_DELIVERY.format(e.id),
        ResourceType.CONVERSATION.format(e.conversationId),
        e.accountSid,
        e.eventId.toString(),
        e.eventType,
        e.url,
        e.method.name(),
        e.status,
        e.attempts.attempts(),
        e.nextAttemptAt,
        e.createdAt,
        e.updatedAt);
  }
}
