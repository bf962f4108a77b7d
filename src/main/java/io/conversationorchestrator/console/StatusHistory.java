package io.conversationorchestrator.console;

import io.conversationorchestrator.platform.SqlValues;
import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the status changes the outbox trigger of V12 records (table conversation_status_change).
 */
@ApplicationScoped
public class StatusHistory {
  private static final String SELECT =
      "select previous_status, status, reason, changed_at from conversation_status_change"
          + " where account_sid = $1 and conversation_id = $2 order by seq";

  private final Transactions transactions;

  public StatusHistory(Transactions transactions) {
    this.transactions = transactions;
  }

  /** One status change, oldest first in a list. */
  public record Change(String previousStatus, String status, String reason, Instant at) {}

  public Uni<List<Change>> of(String accountSid, String conversationId) {
    return transactions.reading(
        c ->
            c.preparedQuery(SELECT)
                .execute(Tuple.of(accountSid, conversationId))
                .map(
                    rows -> {
                      List<Change> changes = new ArrayList<>(rows.size());
                      rows.forEach(row -> changes.add(change(row)));
                      return changes;
                    }));
  }

  private static Change change(Row row) {
    return new Change(
        row.getString("previous_status"),
        row.getString("status"),
        row.getString("reason"),
        SqlValues.instant(row, "changed_at"));
  }
}
