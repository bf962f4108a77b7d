package io.conversationorchestrator.callback;

import io.vertx.mutiny.sqlclient.Row;
import java.util.UUID;

/** A delivery a dispatcher has claimed for one attempt. */
record Claimed(
    UUID id,
    String accountSid,
    UUID eventId,
    String eventType,
    String url,
    String method,
    String host,
    String payload,
    int attemptsMade,
    UUID conversationId,
    String traceparent) {

  /** A row as {@code DeliveryQueue}'s claim returns it. */
  static Claimed of(Row r) {
    return new Claimed(
        r.getUUID(0),
        r.getString(1),
        r.getUUID(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getInteger(8),
        r.getUUID(9),
        r.getString(10));
  }
}
