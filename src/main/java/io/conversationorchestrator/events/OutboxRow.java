package io.conversationorchestrator.events;

import io.vertx.mutiny.sqlclient.Row;
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
    String traceparent,
    String accountSid,
    String callbacks) {

  /** Columns as {@code OutboxRelay.OLDEST} selects them. */
  static OutboxRow of(Row r) {
    return new OutboxRow(
        r.getLong(0),
        r.getUUID(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getOffsetDateTime(7),
        r.getString(8),
        r.getString(9),
        r.getString(10));
  }
}
