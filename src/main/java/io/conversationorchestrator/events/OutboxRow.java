package io.conversationorchestrator.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the relay reads it. */
record OutboxRow(
    long seq,
    UUID id,
    String stream,
    String key,
    String eventType,
    String subject,
    String payload,
    OffsetDateTime createdAt,
    String traceparent) {

  static OutboxRow of(Object[] columns) {
    return new OutboxRow(
        ((Number) columns[0]).longValue(),
        (UUID) columns[1],
        (String) columns[2],
        (String) columns[3],
        (String) columns[4],
        (String) columns[5],
        (String) columns[6],
        (OffsetDateTime) columns[7],
        (String) columns[8]);
  }
}
