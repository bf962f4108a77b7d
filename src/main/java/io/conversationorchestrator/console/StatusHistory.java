package io.conversationorchestrator.console;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the status changes the outbox trigger of V12 records (table conversation_status_change).
 */
@ApplicationScoped
public class StatusHistory {
  private static final String SELECT =
      "select previous_status, status, reason, changed_at from conversation_status_change"
          + " where account_sid = :account and conversation_id = :conversation order by seq";

  /** One status change, oldest first in a list. */
  public record Change(String previousStatus, String status, String reason, Instant at) {}

  /** Runs inside the caller's session. */
  public Uni<List<Change>> of(String accountSid, String conversationId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(SELECT, Object[].class)
                    .setParameter("account", accountSid)
                    .setParameter("conversation", conversationId)
                    .getResultList())
        .map(rows -> rows.stream().map(StatusHistory::change).toList());
  }

  private static Change change(Object[] row) {
    Object at = row[3];
    Instant instant =
        at instanceof OffsetDateTime o
            ? o.toInstant()
            : at instanceof Instant i ? i : Instant.parse(at.toString());
    return new Change((String) row[0], (String) row[1], (String) row[2], instant);
  }
}
