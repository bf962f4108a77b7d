package io.conversationorchestrator.lifecycle;

import io.conversationorchestrator.conversation.ConversationEntity;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.PendingEvent;
import io.conversationorchestrator.events.StatusChange;
import io.conversationorchestrator.participant.ParticipantEntity;
import io.conversationorchestrator.participant.ParticipantRepository;
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
import java.util.stream.Collectors;

/**
 * One sweeper batch: claims due conversations with {@code FOR UPDATE SKIP LOCKED} (so replicas
 * share the work and never take the same row), applies the lifecycle rules at the database's clock,
 * and writes the new statuses and their events in one transaction.
 */
@ApplicationScoped
public class Sweeper {
  private static final String NOW = "select now()";
  private static final String CLAIM =
      "select * from conversation where next_transition_at <= :now"
          + " order by next_transition_at limit :limit for update skip locked";

  private final LifecycleRules rules;
  private final ParticipantRepository participants;
  private final Outbox outbox;
  private final LifecycleMetrics metrics;

  public Sweeper(
      LifecycleRules rules,
      ParticipantRepository participants,
      Outbox outbox,
      LifecycleMetrics metrics) {
    this.rules = rules;
    this.participants = participants;
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
                                .getResultList()
                                .chain(due -> advance(due, now))))
        .invoke(() -> metrics.batch(Duration.ofNanos(System.nanoTime() - started)));
  }

  private Uni<Integer> advance(List<ConversationEntity> due, Instant now) {
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
    return events(moved).replaceWith(due.size());
  }

  private Uni<Void> events(List<Moved> moved) {
    List<UUID> ids = moved.stream().map(m -> m.conversation().id).toList();
    return participants
        .listFor(ids)
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
