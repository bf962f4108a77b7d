package io.conversationorchestrator.drills;

import io.conversationorchestrator.api.ResourceType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The drill account's {@code callback_delivery} rows, as the database holds them. */
final class Deliveries {
  /** One row: ids as the API writes them, the event it carries, and its attempts so far. */
  record Row(
      String id,
      String conversationId,
      String eventId,
      String eventType,
      String status,
      String payload,
      int attempts,
      int succeeded) {}

  private static final String ROWS =
      """
      select d.id, d.conversation_id, d.event_id, d.event_type, d.status, d.payload,
        jsonb_array_length(d.attempts -> 'attempts'),
        (select count(*) from jsonb_array_elements(d.attempts -> 'attempts') a
          where cast(a ->> 'httpStatus' as int) between 200 and 299)
      from callback_delivery d where d.account_sid = '%s' order by d.seq
      """
          .formatted(DrillStack.ACCOUNT);

  private Deliveries() {}

  /** Every row by delivery id ({@code conv_callback_delivery_…}), in the order stored. */
  static Map<String, Row> read(DrillStack stack) {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection c = stack.database();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(ROWS)) {
      while (r.next()) {
        Row row =
            new Row(
                ResourceType.CALLBACK_DELIVERY.format(r.getObject(1, UUID.class)),
                ResourceType.CONVERSATION.format(r.getObject(2, UUID.class)),
                r.getObject(3, UUID.class).toString(),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getInt(7),
                r.getInt(8));
        rows.put(row.id(), row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** Waits until no delivery is PENDING or FAILED_RETRYING. */
  static void allFinished(DrillStack stack, int seconds) {
    Drill.await(
        "every callback delivery to finish",
        seconds,
        () ->
            Invariants.count(
                    stack, "callback_delivery where status in ('PENDING', 'FAILED_RETRYING')")
                == 0);
  }
}
