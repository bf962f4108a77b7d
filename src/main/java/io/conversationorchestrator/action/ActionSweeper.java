package io.conversationorchestrator.action;

import io.conversationorchestrator.platform.Time;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One sweep: fails PENDING actions past their {@code expires_at} with "timed out". The due rows are
 * found on the partial expiry index; their conversations are then locked with {@code FOR UPDATE
 * SKIP LOCKED}, the lock every writer of a conversation's events takes first (so replicas share the
 * work, never take the same action, and a result being applied right now wins or waits). Under
 * those locks the actions are read again, still PENDING and due, and ended with their events, in
 * one transaction of the reactive SQL client (issue 15: no Hibernate session on the data plane).
 */
@ApplicationScoped
public class ActionSweeper {
  static final String TIMED_OUT = "timed out";

  private final Pool pool;
  private final ActionRepository actions;
  private final ActionEvents events;

  public ActionSweeper(Pool pool, ActionRepository actions, ActionEvents events) {
    this.pool = pool;
    this.actions = actions;
    this.events = events;
  }

  /** Fails up to {@code limit} timed-out actions; answers how many. */
  public Uni<Integer> sweep(int limit) {
    return pool.withTransaction(
        c ->
            actions
                .lockDueConversations(c, limit)
                .chain(locked -> locked.isEmpty() ? none() : due(c, locked, limit)));
  }

  private Uni<Integer> due(SqlConnection c, List<UUID> conversations, int limit) {
    return actions
        .dueIn(c, conversations, limit)
        .chain(due -> fail(c, due).replaceWith(due.size()));
  }

  private Uni<Void> fail(SqlConnection c, List<Action> due) {
    Instant now = Time.now();
    for (Action action : due) {
      action.status = ActionStatus.FAILED;
      action.failureReason = TIMED_OUT;
      action.updatedAt = now;
      action.completedAt = now;
    }
    return actions
        .end(c, due)
        .chain(
            () ->
                events.endedAll(
                    c, due.stream().map(ActionResponse::of).toList(), ActionEvents.TIMER));
  }

  private static Uni<Integer> none() {
    return Uni.createFrom().item(0);
  }
}
