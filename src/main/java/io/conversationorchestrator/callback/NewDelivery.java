package io.conversationorchestrator.callback;

import java.util.UUID;

/** A delivery to create for one event and one callback URL. */
record NewDelivery(
    String accountSid,
    UUID conversationId,
    UUID eventId,
    String eventType,
    String url,
    String method,
    String host,
    String payload,
    String traceparent) {}
