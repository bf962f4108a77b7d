package io.conversationorchestrator.action;

import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.PendingEvent;
import io.conversationorchestrator.events.StatusChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * ACTION_UPDATED on the conversations stream when an action ends, shaped like CONVERSATION_UPDATED:
 * previousStatus PENDING, the new status, and the reason (RESULT: an adapter reported; TIMER: the
 * timeout passed), appended in the transaction that ends it.
 */
@ApplicationScoped
public class ActionEvents {
  static final String RESULT = "RESULT";
  static final String TIMER = "TIMER";

  private final Outbox outbox;

  public ActionEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  Uni<Void> ended(SqlConnection c, ActionResponse action, String reason) {
    return outbox.appendAll(c, List.of(event(action, reason)));
  }

  Uni<Void> endedAll(SqlConnection c, List<ActionResponse> ended, String reason) {
    return outbox.appendAll(c, ended.stream().map(a -> event(a, reason)).toList());
  }

  private static PendingEvent event(ActionResponse action, String reason) {
    return new PendingEvent(
        EventType.ACTION_UPDATED,
        action.conversationId(),
        action.id(),
        action.accountId(),
        action,
        new StatusChange(ActionStatus.PENDING.name(), action.status().name(), reason));
  }
}
