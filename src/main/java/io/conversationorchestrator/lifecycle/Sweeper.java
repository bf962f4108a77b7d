package io.conversationorchestrator.lifecycle;

import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.PendingEvent;
import io.conversationorchestrator.events.StatusChange;
import io.conversationorchestrator.participant.ParticipantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One sweeper batch: claims due conversations with {@code FOR UPDATE SKIP LOCKED} (so replicas
 * share the work and never take the same row), applies the lifecycle rules at the database's clock,
 * and writes the new statuses and their events in one transaction.
 *
 * <p>Set-based, because a batch is hundreds of rows (bench/lifecycle-sweep.sh): rows are loaded
 * read-only, so Hibernate keeps no snapshots and flushes nothing, and one UPDATE writes the columns
 * a timer changes, instead of one full-row UPDATE per conversation that re-sends its JSON columns.
 */
@ApplicationScoped
public class Sweeper {
  private static final String NOW = "select now()";
  private static final String CLAIM =
      "select * from conversation where next_transition_at <= :now"
          + " order by next_transition_at limit :limit for update skip locked";
  private static final String PARTICIPANTS =
      "from ParticipantEntity where conversationId in :ids order by id";
  // A timer changes only the status and the deadlines (and updated_at when the status changes).
  private static final String UPDATE =
      "update conversation c set status = v.status, inactive_at = v.inactive_at,"
          + " closes_at = v.closes_at, next_transition_at = v.next_transition_at,"
          + " updated_at = v.updated_at from (values %s)"
          + " as v (id, status, inactive_at, closes_at, next_transition_at, updated_at)"
          + " where c.id = v.id";
  // Instants go as ISO text: a null parameter carries no type, the casts give every one its type.
  private static final String ROW =
      "(cast(? as uuid), cast(? as text), cast(cast(? as text) as timestamptz),"
          + " cast(cast(? as text) as timestamptz), cast(cast(? as text) as timestamptz),"
          + " cast(cast(? as text) as timestamptz))";

  private final LifecycleRules rules;
  private final Outbox outbox;
  private final LifecycleMetrics metrics;

  public Sweeper(LifecycleRules rules, Outbox outbox, LifecycleMetrics metrics) {
    this.rules = rules;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** Sweeps one batch; answers how many conversations it claimed. */
  @WithTransaction
  public Uni<Integer> sweep(int limit) {
    long started = System.nanoTime();
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(NOW, OffsetDateTime.class)
                    .getSingleResult()
                    .map(OffsetDateTime::toInstant)
                    .chain(
                        now ->
                            s.createNativeQuery(CLAIM, ConversationEntity.class)
                                .setParameter("now", now)
                                .setParameter("limit", limit)
                                .setReadOnly(true)
                                .getResultList()
                                .chain(due -> advance(s, due, now))))
        .invoke(() -> metrics.batch(Duration.ofNanos(System.nanoTime() - started)));
  }

  private Uni<Integer> advance(Mutiny.Session s, List<ConversationEntity> due, Instant now) {
    if (due.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<Moved> moved = new ArrayList<>();
    for (ConversationEntity conversation : due) {
      Instant deadline = conversation.nextTransitionAt;
      Timeline before = conversation.timeline();
      Transition transition = rules.due(before, now).orElse(null);
      Timeline after = transition == null ? before : transition.timeline();
      conversation.apply(after, rules.schedule(after));
      if (transition != null) {
        conversation.updatedAt = now;
        metrics.transition(transition);
        metrics.lag(Duration.between(deadline, now));
        moved.add(new Moved(conversation, transition));
      }
    }
    return update(s, due).chain(() -> events(s, moved)).replaceWith(due.size());
  }

  private static Uni<Integer> update(Mutiny.Session s, List<ConversationEntity> due) {
    String sql = UPDATE.formatted(String.join(", ", Collections.nCopies(due.size(), ROW)));
    var update = s.createNativeQuery(sql);
    int p = 1;
    for (ConversationEntity c : due) {
      update.setParameter(p++, c.id);
      update.setParameter(p++, c.status);
      update.setParameter(p++, text(c.inactiveAt));
      update.setParameter(p++, text(c.closesAt));
      update.setParameter(p++, text(c.nextTransitionAt));
      update.setParameter(p++, text(c.updatedAt));
    }
    return update.executeUpdate();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private Uni<Void> events(Mutiny.Session s, List<Moved> moved) {
    if (moved.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<UUID> ids = moved.stream().map(m -> m.conversation().id).toList();
    return s.createSelectionQuery(PARTICIPANTS, ParticipantEntity.class)
        .setParameter("ids", ids)
        .setReadOnly(true)
        .getResultList()
        .map(all -> all.stream().collect(Collectors.groupingBy(p -> p.conversationId)))
        .chain(byConversation -> outbox.appendAll(pending(moved, byConversation)));
  }

  private static List<PendingEvent> pending(
      List<Moved> moved, Map<UUID, List<ParticipantEntity>> byConversation) {
    return moved.stream()
        .map(
            m -> {
              ConversationResponse data =
                  ConversationResponse.of(
                      m.conversation(),
                      byConversation.getOrDefault(m.conversation().id, List.of()));
              Transition t = m.transition();
              return new PendingEvent(
                  EventType.CONVERSATION_UPDATED,
                  data.id(),
                  data.id(),
                  data.accountId(),
                  data,
                  new StatusChange(t.from().name(), t.to().name(), t.reason().name()));
            })
        .toList();
  }

  private record Moved(ConversationEntity conversation, Transition transition) {}
}
