package io.conversationorchestrator.action;

import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One sweep: fails PENDING actions past their {@code expires_at} with "timed out". The due rows are
 * found on the partial expiry index; their conversations are then locked with {@code FOR UPDATE
 * SKIP LOCKED}, the lock every writer of a conversation's events takes first (so replicas share the
 * work, never take the same action, and a result being applied right now wins or waits). Under
 * those locks the actions are read again, still PENDING and due, and ended with their events.
 */
@ApplicationScoped
public class ActionSweeper {
  static final String TIMED_OUT = "timed out";

  private static final String LOCK_CONVERSATIONS =
      "select cast(c.id as text) from conversation c where c.id in (select a.conversation_id"
          + " from action a where a.status = 'PENDING' and a.expires_at <= now()"
          + " order by a.expires_at limit :limit) for update skip locked";
  private static final String DUE =
      "select * from action where conversation_id = any(cast(:conversations as uuid[]))"
          + " and status = 'PENDING' and expires_at <= now() order by expires_at limit :limit";

  private final ActionEvents events;

  public ActionSweeper(ActionEvents events) {
    this.events = events;
  }

  /** Fails up to {@code limit} timed-out actions; answers how many. */
  @WithTransaction
  public Uni<Integer> sweep(int limit) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK_CONVERSATIONS, String.class)
                    .setParameter("limit", limit)
                    .getResultList()
                    .chain(locked -> locked.isEmpty() ? none() : due(s, locked, limit)));
  }

  private Uni<Integer> due(Mutiny.Session s, List<String> conversations, int limit) {
    UUID[] ids = conversations.stream().map(UUID::fromString).toArray(UUID[]::new);
    return s.createNativeQuery(DUE, ActionEntity.class)
        .setParameter("conversations", ids)
        .setParameter("limit", limit)
        .getResultList()
        .chain(due -> fail(due).replaceWith(due.size()));
  }

  private Uni<Void> fail(List<ActionEntity> due) {
    Instant now = Time.now();
    for (ActionEntity action : due) {
      action.status = ActionStatus.FAILED;
      action.failureReason = TIMED_OUT;
      action.updatedAt = now;
      action.completedAt = now;
    }
    return events.endedAll(due.stream().map(ActionResponse::of).toList(), ActionEvents.TIMER);
  }

  private static Uni<Integer> none() {
    return Uni.createFrom().item(0);
  }
}
