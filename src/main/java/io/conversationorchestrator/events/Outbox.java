package io.conversationorchestrator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Appends domain events to the outbox in the caller's transaction: the change and its event commit
 * together or not at all. The relay publishes them to Kafka afterwards. The outbox sequence is
 * assigned at insert; since every writer of a conversation's events holds that conversation's row
 * lock, one conversation's events are numbered in commit order.
 */
@ApplicationScoped
public class Outbox {
  // One array per column: a fixed statement of thirteen parameters however many events (a parameter
  // per value costs PostgreSQL more than the insert). WITH ORDINALITY keeps list order. The shard
  // (%s): a hash of the key modulo the shard count, the expression the relay re-shards with
  // (OutboxShards), so every event of a conversation is in one shard. The same statement records
  // conversations' status changes in their history (V15). Written with Hibernate's ? placeholders;
  // the reactive client's copy of it numbers them ($1...), so both paths insert the same rows.
  private static final String INSERT =
      "with e as (select id, stream, message_key, event_type, account_sid, subject, payload,"
          + " traceparent, callbacks, previous_status, status, reason, n,"
          + " cast(cast(? as text) as timestamptz) as created_at"
          + " from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[])) with ordinality as u (id, stream, message_key, event_type,"
          + " account_sid, subject, payload, traceparent, callbacks, previous_status, status,"
          + " reason, n)), appended as (insert into outbox_event (id, stream, message_key,"
          + " event_type, account_sid, subject, payload, traceparent, callbacks, created_at, shard)"
          + " select id, stream, message_key, event_type, account_sid, subject,"
          + " cast(payload as json), traceparent, callbacks, created_at, %s from e order by n)"
          + " insert into conversation_status_change (account_sid, conversation_id,"
          + " previous_status, status, reason, changed_at) select account_sid, message_key,"
          + " previous_status, status, reason, created_at from e where status is not null"
          + " order by n";

  private final ObjectMapper json;
  private final Traces traces;
  private final CallbackTargets callbackTargets;
  private final String sessionInsert;
  private final String clientInsert;

  public Outbox(
      ObjectMapper json, Traces traces, OutboxConfig config, CallbackTargets callbackTargets) {
    this.json = json;
    this.traces = traces;
    this.callbackTargets = callbackTargets;
    this.sessionInsert =
        INSERT.formatted(OutboxShards.shardOfKey(Integer.toString(config.shards())));
    this.clientInsert = numbered(sessionInsert);
  }

  /**
   * @param key the Kafka key: the conversation id (configuration id for configuration events)
   * @param subject the id of the resource the event is about
   * @param data the resource as the API returns it
   */
  public Uni<Void> append(
      EventType type, String key, String subject, String accountSid, Object data) {
    return appendAll(List.of(new PendingEvent(type, key, subject, accountSid, data, null)));
  }

  /** An event that reports a status change as well. */
  public Uni<Void> append(
      EventType type,
      String key,
      String subject,
      String accountSid,
      Object data,
      StatusChange change) {
    return appendAll(List.of(new PendingEvent(type, key, subject, accountSid, data, change)));
  }

  /** {@link #append(EventType, String, String, String, Object)} in a SQL client transaction. */
  public Uni<Void> append(
      SqlConnection c, EventType type, String key, String subject, String accountSid, Object data) {
    return appendAll(c, List.of(new PendingEvent(type, key, subject, accountSid, data, null)));
  }

  /** An event that reports a status change as well, in a SQL client transaction. */
  public Uni<Void> append(
      SqlConnection c,
      EventType type,
      String key,
      String subject,
      String accountSid,
      Object data,
      StatusChange change) {
    return appendAll(c, List.of(new PendingEvent(type, key, subject, accountSid, data, change)));
  }

  /**
   * Appends events with one multi-row insert, in list order (the sweeper writes hundreds), in the
   * current Hibernate Reactive session's transaction.
   */
  public Uni<Void> appendAll(List<PendingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Object[] columns = columns(events);
    return Panache.getSession()
        .chain(
            s -> {
              var insert = s.createNativeQuery(sessionInsert);
              for (int i = 0; i < columns.length; i++) {
                insert.setParameter(i + 1, columns[i]);
              }
              return insert.executeUpdate();
            })
        .replaceWithVoid();
  }

  /**
   * The same rows as {@link #appendAll(List)}, in the transaction of a reactive SQL client
   * connection (callers that use no Hibernate session).
   */
  public Uni<Void> appendAll(SqlConnection c, List<PendingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return c.preparedQuery(clientInsert).execute(Tuple.from(columns(events))).replaceWithVoid();
  }

  /** The insert's parameters, in order: the time, then one array per column. */
  private Object[] columns(List<PendingEvent> events) {
    Instant now = Time.now();
    return new Object[] {
      now.toString(),
      column(events, e -> ResourceType.newUuid(), UUID[]::new),
      column(events, e -> e.type().stream().name(), String[]::new),
      column(events, PendingEvent::key, String[]::new),
      column(events, e -> e.type().name(), String[]::new),
      column(events, PendingEvent::accountSid, String[]::new),
      column(events, PendingEvent::subject, String[]::new),
      column(events, e -> serialize(payload(e, now)), String[]::new),
      traceparents(events),
      column(events, this::callbacks, String[]::new),
      column(events, e -> history(e, StatusChange::previousStatus), String[]::new),
      column(events, e -> history(e, StatusChange::status), String[]::new),
      column(events, e -> history(e, StatusChange::reason), String[]::new)
    };
  }

  /**
   * A value of the status history row an event adds: conversations' own status changes only (an
   * action's event reports the action's status), and only changes from a status.
   */
  private static String history(PendingEvent e, Function<StatusChange, String> value) {
    StatusChange change = e.change();
    boolean recorded =
        change != null
            && change.previousStatus() != null
            && e.type().name().startsWith("CONVERSATION_");
    return recorded ? value.apply(change) : null;
  }

  /** A statement with PostgreSQL's numbered parameters ($1, $2, ...), the reactive client's. */
  private static String numbered(String statement) {
    StringBuilder sql = new StringBuilder(statement.length() + 16);
    int n = 0;
    for (char ch : statement.toCharArray()) {
      if (ch == '?') {
        sql.append('$').append(++n);
      } else {
        sql.append(ch);
      }
    }
    return sql.toString();
  }

  /**
   * The trace each event continues: the current one (a request's, a consumer's), tagged with the
   * events; without one (the lifecycle and action sweepers) each event starts its own trace, a span
   * named after its type that carries its conversation's id.
   */
  private String[] traceparents(List<PendingEvent> events) {
    Span current = Span.current();
    if (current.getSpanContext().isValid()) {
      PendingEvent first = events.get(0);
      if (first.type().stream() != EventStream.CONFIGURATIONS) {
        current.setAttribute(Traces.CONVERSATION_ID, first.key());
      }
      current.setAttribute(Traces.EVENT_TYPE, first.type().name());
      String traceparent = Traces.traceparent(current);
      return column(events, e -> traceparent, String[]::new);
    }
    return column(events, this::ownTrace, String[]::new);
  }

  private String ownTrace(PendingEvent e) {
    String conversation = e.type().stream() == EventStream.CONFIGURATIONS ? null : e.key();
    Span span = traces.start(e.type().name(), SpanKind.INTERNAL, null, conversation);
    span.setAttribute(Traces.EVENT_TYPE, e.type().name());
    span.end();
    return Traces.traceparent(span);
  }

  private static <T> T[] column(
      List<PendingEvent> events, Function<PendingEvent, T> value, IntFunction<T[]> array) {
    return events.stream().map(value).toArray(array);
  }

  private static DomainEvent payload(PendingEvent e, Instant at) {
    StatusChange c = e.change();
    return c == null
        ? new DomainEvent(e.type(), at, null, null, null, e.sla(), e.data())
        : new DomainEvent(
            e.type(), at, c.previousStatus(), c.status(), c.reason(), e.sla(), e.data());
  }

  private String callbacks(PendingEvent e) {
    Object targets = callbackTargets.of(e);
    return targets == null ? null : serialize(targets);
  }

  private String serialize(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
