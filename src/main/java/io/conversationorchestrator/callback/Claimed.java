package io.conversationorchestrator.callback;

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

  static Claimed of(Object[] row) {
    return new Claimed(
        (UUID) row[0],
        (String) row[1],
        (UUID) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        ((Number) row[8]).intValue(),
        (UUID) row[9],
        (String) row[10]);
  }
}
