package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.conversation.Conversation;
import io.conversationorchestrator.conversation.ConversationResponse;
import io.conversationorchestrator.conversation.ConversationRows;
import io.conversationorchestrator.conversation.participant.Participant;
import io.conversationorchestrator.conversation.participant.ParticipantRows;
import io.conversationorchestrator.events.EventType;
import io.conversationorchestrator.events.Outbox;
import io.conversationorchestrator.events.PendingEvent;
import io.conversationorchestrator.events.StatusChange;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One sweeper batch: claims due conversations with {@code FOR UPDATE SKIP LOCKED} (so replicas
 * share the work and never take the same row), applies the lifecycle rules at the database's clock,
 * and writes the new statuses and their events in one transaction.
 *
 * <p>On the reactive SQL client, not Hibernate (issue 15: the ORM was most of the service's CPU),
 * and set-based, because a batch is hundreds of rows (bench/lifecycle-sweep.sh): one statement
 * claims the batch and reads the clock, one UPDATE writes the columns a timer changes, one reads
 * the participants the events show, one inserts the events.
 */
@ApplicationScoped
public class Sweeper {
  // now() is the transaction's start: the one instant the whole batch is judged at.
  private static final String CLAIM =
      "select now() as swept_at, "
          + ConversationRows.COLUMNS
          + " from conversation where next_transition_at <= now()"
          + " order by next_transition_at limit $1::int for update skip locked";
  private static final String PARTICIPANTS =
      "select "
          + ParticipantRows.COLUMNS
          + " from participant where conversation_id = any($1::uuid[]) order by id";
  // A timer changes only the status, the deadlines, the snooze, the deadline last warned about, the
  // SLA breach flag and the activity (a snooze's end restarts the timers; updated_at when the
  // status changes). One array per column: a fixed statement, whatever the batch size. Activity
  // goes as JSON text (the client would send a String bound to jsonb as a JSON string).
  private static final String UPDATE =
      "update conversation c set status = v.status, inactive_at = v.inactive_at,"
          + " closes_at = v.closes_at, next_transition_at = v.next_transition_at,"
          + " updated_at = v.updated_at, snoozed_until = v.snoozed_until,"
          + " close_warning_at = v.close_warning_at, close_warned_for = v.close_warned_for,"
          + " sla_breached = v.sla_breached,"
          + " channel_activity = coalesce(v.channel_activity, c.channel_activity),"
          + " last_activity_at = v.last_activity_at"
          + " from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[],"
          + " $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[],"
          + " $9::timestamptz[], cast($10::text[] as jsonb[]), $11::timestamptz[],"
          + " $12::boolean[])"
          + " as v (id, status, inactive_at, closes_at, next_transition_at, updated_at,"
          + " snoozed_until, close_warning_at, close_warned_for, channel_activity,"
          + " last_activity_at, sla_breached)"
          + " where c.id = v.id";

  private final Pool pool;
  private final ConversationRows conversations;
  private final ParticipantRows participants;
  private final LifecycleRules rules;
  private final Outbox outbox;
  private final LifecycleMetrics metrics;

  public Sweeper(
      Pool pool,
      ConversationRows conversations,
      ParticipantRows participants,
      LifecycleRules rules,
      Outbox outbox,
      LifecycleMetrics metrics) {
    this.pool = pool;
    this.conversations = conversations;
    this.participants = participants;
    this.rules = rules;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /** Sweeps one batch; answers how many conversations it claimed. */
  public Uni<Integer> sweep(int limit) {
    long started = System.nanoTime();
    return pool.withTransaction(
            c -> c.preparedQuery(CLAIM).execute(Tuple.of(limit)).chain(due -> advance(c, due)))
        .invoke(() -> metrics.batch(Duration.ofNanos(System.nanoTime() - started)));
  }

  private Uni<Integer> advance(SqlConnection c, RowSet<Row> claimed) {
    if (claimed.size() == 0) {
      return Uni.createFrom().item(0);
    }
    Instant now = null;
    List<Conversation> due = new ArrayList<>(claimed.size());
    for (Row row : claimed) {
      now = SqlValues.instant(row, "swept_at");
      due.add(conversations.of(row));
    }
    List<Moved> moved = new ArrayList<>();
    Set<UUID> restarted = new HashSet<>();
    for (Conversation conversation : due) {
      Moved m = step(conversation, now);
      if (m != null) {
        moved.add(m);
        if (m.transition() != null && m.transition().reason() == TransitionReason.SNOOZE_ENDED) {
          restarted.add(conversation.id);
        }
      }
    }
    return update(c, due, restarted).chain(() -> events(c, moved)).replaceWith(due.size());
  }

  /**
   * What is due for one claimed conversation: a transition, or else a closing warning, or else an
   * SLA breach (one per claim: a row with more due stays due and is claimed again). Null when
   * nothing is (the row was due by a deadline that moved).
   */
  private Moved step(Conversation conversation, Instant now) {
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
  private static Uni<Void> update(SqlConnection c, List<Conversation> due, Set<UUID> restarted) {
    Object[] columns = {
      column(due, x -> x.id, UUID[]::new),
      column(due, x -> x.status.name(), String[]::new),
      times(due, x -> x.inactiveAt),
      times(due, x -> x.closesAt),
      times(due, x -> x.nextTransitionAt),
      times(due, x -> x.updatedAt),
      times(due, x -> x.snoozedUntil),
      times(due, x -> x.closeWarningAt),
      times(due, x -> x.closeWarnedFor),
      column(due, x -> restarted.contains(x.id) ? activity(x) : null, String[]::new),
      times(due, x -> x.lastActivityAt),
      column(due, x -> x.slaBreached, Boolean[]::new)
    };
    return c.preparedQuery(UPDATE).execute(Tuple.from(columns)).replaceWithVoid();
  }

  private static String activity(Conversation conversation) {
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

  private static OffsetDateTime[] times(
      List<Conversation> due, Function<Conversation, Instant> instant) {
    return column(due, x -> SqlValues.at(instant.apply(x)), OffsetDateTime[]::new);
  }

  private static <T> T[] column(
      List<Conversation> due, Function<Conversation, T> value, IntFunction<T[]> array) {
    return due.stream().map(value).toArray(array);
  }

  private Uni<Void> events(SqlConnection c, List<Moved> moved) {
    if (moved.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    UUID[] ids = moved.stream().map(m -> m.conversation().id).toArray(UUID[]::new);
    return c.preparedQuery(PARTICIPANTS)
        .execute(Tuple.of(ids))
        .map(
            rows ->
                StreamSupport.stream(rows.spliterator(), false)
                    .map(participants::of)
                    .collect(Collectors.groupingBy(p -> p.conversationId)))
        .chain(byConversation -> outbox.appendAll(c, pending(moved, byConversation)));
  }

  private static List<PendingEvent> pending(
      List<Moved> moved, Map<UUID, List<Participant>> byConversation) {
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
      Conversation conversation, Transition transition, CloseWarning warning, SlaBreach breach) {}
}
