package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.participant.ParticipantEntity;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.PendingEvent;
import io.conversationorchestrator.events.StatusChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One sweeper batch: claims due conversations with {@code FOR UPDATE SKIP LOCKED} (so replicas
 * share the work and never take the same row), applies the lifecycle rules at the database's clock,
 * and writes the new statuses and their events in one transaction.
 *
 * <p>Set-based, because a batch is hundreds of rows (bench/lifecycle-sweep.sh): rows are loaded
 * read-only and the session never flushes, so Hibernate keeps no snapshots and checks nothing, and
 * one UPDATE writes the columns a timer changes, instead of one full-row UPDATE per conversation
 * that re-sends its JSON columns.
 */
@ApplicationScoped
public class Sweeper {
  private static final String NOW = "select now()";
  private static final String CLAIM =
      "select * from conversation where next_transition_at <= :now"
          + " order by next_transition_at limit :limit for update skip locked";
  private static final String PARTICIPANTS =
      "select * from participant where conversation_id = any(cast(:ids as uuid[])) order by id";
  // A timer changes only the status and the deadlines (and updated_at when the status changes).
  // One array per column: a fixed statement of six parameters, whatever the batch size (a
  // parameter per value costs Hibernate and PostgreSQL more than the update itself). Instants go
  // as ISO text: Hibernate hands the client Instant[], which it cannot encode as timestamptz[].
  private static final String UPDATE =
      "update conversation c set status = v.status, inactive_at = v.inactive_at,"
          + " closes_at = v.closes_at, next_transition_at = v.next_transition_at,"
          + " updated_at = v.updated_at"
          + " from unnest(cast(? as uuid[]), cast(? as text[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as timestamptz[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as timestamptz[]))"
          + " as v (id, status, inactive_at, closes_at, next_transition_at, updated_at)"
          + " where c.id = v.id";

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
        // Nothing here is written through entities: without flushes Hibernate does not walk the
        // batch's hundreds of loaded entities before every statement and at commit.
        .map(s -> s.setFlushMode(FlushMode.MANUAL))
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
    return s.createNativeQuery(UPDATE)
        .setParameter(1, due.stream().map(c -> c.id).toArray(UUID[]::new))
        .setParameter(2, due.stream().map(c -> c.status.name()).toArray(String[]::new))
        .setParameter(3, instants(due, c -> c.inactiveAt))
        .setParameter(4, instants(due, c -> c.closesAt))
        .setParameter(5, instants(due, c -> c.nextTransitionAt))
        .setParameter(6, instants(due, c -> c.updatedAt))
        .executeUpdate();
  }

  private static String[] instants(
      List<ConversationEntity> due, Function<ConversationEntity, Instant> instant) {
    return due.stream()
        .map(instant)
        .map(i -> i == null ? null : i.toString())
        .toArray(String[]::new);
  }

  private Uni<Void> events(Mutiny.Session s, List<Moved> moved) {
    if (moved.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    UUID[] ids = moved.stream().map(m -> m.conversation().id).toArray(UUID[]::new);
    return s.createNativeQuery(PARTICIPANTS, ParticipantEntity.class)
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
