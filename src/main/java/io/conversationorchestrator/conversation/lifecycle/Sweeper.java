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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  // A timer changes only the status, the deadlines, the snooze, the deadline last warned about, the
  // SLA breach flag and the activity (a snooze's end restarts the timers; updated_at when the
  // status changes). One
  // array per column: a fixed statement, whatever the batch size (a parameter per value costs
  // Hibernate and PostgreSQL more than the update itself). Instants go as ISO text: Hibernate hands
  // the client Instant[], which it cannot encode as timestamptz[]; activity goes as JSON text.
  private static final String UPDATE =
      "update conversation c set status = v.status, inactive_at = v.inactive_at,"
          + " closes_at = v.closes_at, next_transition_at = v.next_transition_at,"
          + " updated_at = v.updated_at, snoozed_until = v.snoozed_until,"
          + " close_warning_at = v.close_warning_at, close_warned_for = v.close_warned_for,"
          + " sla_breached = v.sla_breached,"
          + " channel_activity = coalesce(v.channel_activity, c.channel_activity),"
          + " last_activity_at = v.last_activity_at"
          + " from unnest(cast(? as uuid[]), cast(? as text[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as timestamptz[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as timestamptz[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as timestamptz[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as jsonb[]),"
          + " cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as boolean[]))"
          + " as v (id, status, inactive_at, closes_at, next_transition_at, updated_at,"
          + " snoozed_until, close_warning_at, close_warned_for, channel_activity,"
          + " last_activity_at, sla_breached)"
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
    Set<UUID> restarted = new HashSet<>();
    for (ConversationEntity conversation : due) {
      Moved m = step(conversation, now);
      if (m != null) {
        moved.add(m);
        if (m.transition() != null && m.transition().reason() == TransitionReason.SNOOZE_ENDED) {
          restarted.add(conversation.id);
        }
      }
    }
    return update(s, due, restarted).chain(() -> events(s, moved)).replaceWith(due.size());
  }

  /**
   * What is due for one claimed conversation: a transition, or else a closing warning, or else an
   * SLA breach (one per claim: a row with more due stays due and is claimed again). Null when
   * nothing is (the row was due by a deadline that moved).
   */
  private Moved step(ConversationEntity conversation, Instant now) {
    Instant deadline = conversation.nextTransitionAt;
    Timeline before = conversation.timeline();
    Transition transition = rules.due(before, now).orElse(null);
    CloseWarning warning = transition == null ? rules.warningDue(before, now).orElse(null) : null;
    SlaBreach breach =
        transition == null && warning == null ? rules.breachDue(before, now).orElse(null) : null;
    Timeline after =
        transition != null
            ? transition.timeline()
            : warning != null ? warning.timeline() : breach != null ? breach.timeline() : before;
    conversation.apply(after, rules.schedule(after));
    if (transition != null) {
      conversation.updatedAt = now;
      metrics.transition(transition);
    } else if (warning != null) {
      metrics.warning();
    } else if (breach != null) {
      metrics.breach(breach.pending().sla());
    } else {
      return null;
    }
    metrics.lag(Duration.between(deadline, now));
    return new Moved(conversation, transition, warning, breach);
  }

  /** {@code restarted}: the conversations whose timers restarted, the only new activity. */
  private static Uni<Integer> update(
      Mutiny.Session s, List<ConversationEntity> due, Set<UUID> restarted) {
    return s.createNativeQuery(UPDATE)
        .setParameter(1, due.stream().map(c -> c.id).toArray(UUID[]::new))
        .setParameter(2, due.stream().map(c -> c.status.name()).toArray(String[]::new))
        .setParameter(3, instants(due, c -> c.inactiveAt))
        .setParameter(4, instants(due, c -> c.closesAt))
        .setParameter(5, instants(due, c -> c.nextTransitionAt))
        .setParameter(6, instants(due, c -> c.updatedAt))
        .setParameter(7, instants(due, c -> c.snoozedUntil))
        .setParameter(8, instants(due, c -> c.closeWarningAt))
        .setParameter(9, instants(due, c -> c.closeWarnedFor))
        .setParameter(
            10,
            due.stream()
                .map(c -> restarted.contains(c.id) ? activity(c) : null)
                .toArray(String[]::new))
        .setParameter(11, instants(due, c -> c.lastActivityAt))
        .setParameter(
            12, due.stream().map(c -> String.valueOf(c.slaBreached)).toArray(String[]::new))
        .executeUpdate();
  }

  private static String activity(ConversationEntity conversation) {
    StringBuilder json = new StringBuilder("{");
    conversation.channelActivity.forEach(
        (channel, at) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          // channel names are enum names and instants ISO text: nothing to escape
          json.append('"').append(channel).append("\":\"").append(at).append('"');
        });
    return json.append('}').toString();
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
              if (m.breach() != null) {
                return new PendingEvent(
                    EventType.CONVERSATION_SLA_BREACHED,
                    data.id(),
                    data.id(),
                    data.accountId(),
                    data,
                    null,
                    m.breach().details());
              }
              if (t == null) {
                return new PendingEvent(
                    EventType.CONVERSATION_CLOSE_WARNING,
                    data.id(),
                    data.id(),
                    data.accountId(),
                    data,
                    null);
              }
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

  /** A conversation that got a transition, or else a closing warning, or else an SLA breach. */
  private record Moved(
      ConversationEntity conversation,
      Transition transition,
      CloseWarning warning,
      SlaBreach breach) {}
}
