package io.conversationorchestrator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.QueryPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.StreamSupport;

/**
 * The durable queue of deliveries, in set-based SQL on the reactive client (statements run in the
 * caller's transaction, {@code c}). Claims skip rows other dispatchers hold, hosts this dispatcher
 * has saturated, and every delivery that an earlier unfinished delivery of the same conversation
 * and URL must precede.
 */
@ApplicationScoped
public class DeliveryQueue {
  // One array per column: a fixed statement of ten parameters however many deliveries. WITH
  // ORDINALITY keeps list order, so seq (the per-URL order the claim checks) follows the events.
  private static final String INSERT =
      "insert into callback_delivery (id, account_sid, conversation_id, event_id, event_type, url,"
          + " method, host, payload, traceparent, status, attempts, next_attempt_at, created_at,"
          + " updated_at) select id, account_sid, conversation_id, event_id, event_type, url,"
          + " method, host, payload, traceparent, 'PENDING', cast('{\"attempts\": []}' as jsonb),"
          + " now(), now(), now() from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[],"
          + " $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])"
          + " with ordinality as d (id, account_sid, conversation_id, event_id, event_type, url,"
          + " method, host, payload, traceparent, n) order by n"
          + " on conflict (event_id, url, method) do nothing";
  // The queue's shape changes faster than its statistics: a burst of due deliveries arrives while
  // the last ANALYZE saw none, or into a table that was empty when the claim was planned (a
  // prepared statement keeps one generic plan after five runs). Either made the claim read the
  // queue once per candidate: seconds, up to 30 s, per claim with 10,000 due. So the claim is
  // planned at each run (QueryPlans, about a millisecond: the table's current size is then known),
  // the ordering
  // check stays a per-candidate probe (OFFSET 0 keeps it from becoming a join) of
  // callback_delivery_order, the only index its status condition matches (V4), and rows are found
  // again by primary key (= any(array(...))), with a status condition no partial index matches.
  // Statuses are PENDING, FAILED_RETRYING, SUCCEEDED and DEAD: "not in ('SUCCEEDED', 'DEAD')" means
  // unfinished.
  //
  // Each host gets at most its room ($3, a JSON object by host, else $4) of the candidates, so a
  // claim cannot hand a slow host more than it will take soon: claimed deliveries count against
  // max-in-flight until they are sent. Candidates are read without locks, then locked
  // with SKIP LOCKED; the lock re-checks that each is still due and free (another dispatcher may
  // have claimed or recorded it meanwhile).
  private static final String CLAIM =
      """
      with candidates as materialized (
        select d.id, d.host, d.next_attempt_at from callback_delivery d
        where d.status in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
          and d.host <> all($1::text[])
          and not exists (select 1 from callback_delivery e
            where e.conversation_id = d.conversation_id and e.url = d.url
              and e.status not in ('SUCCEEDED', 'DEAD') and e.seq < d.seq offset 0)
        order by d.next_attempt_at limit $2::int),
      picked as (
        select id from (select id, host,
            row_number() over (partition by host order by next_attempt_at) as n from candidates) c
        where n <= coalesce(cast(cast($3::text as jsonb) ->> host as int), $4::int)),
      due as materialized (
        select d.id from callback_delivery d
        where d.id = any(array(select id from picked))
          and d.status not in ('SUCCEEDED', 'DEAD') and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
        for update skip locked)
      update callback_delivery c set claimed_until = now() + $5::bigint * interval '1 millisecond'
      where c.id = any(array(select id from due))
      returning c.id, c.account_sid, c.event_id, c.event_type, c.url, c.method, c.host, c.payload,
        jsonb_array_length(c.attempts -> 'attempts'), c.conversation_id, c.traceparent
      """;
  // One array per column: a fixed statement of four parameters however many outcomes.
  private static final String RECORD =
      "update callback_delivery c set status = v.status,"
          + " attempts = jsonb_set(c.attempts, '{attempts}',"
          + " (c.attempts -> 'attempts') || cast(v.attempt as jsonb)),"
          + " next_attempt_at = v.next_at, claimed_until = null, updated_at = now()"
          + " from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])"
          + " as v (id, status, attempt, next_at) where c.id = v.id";

  private final ObjectMapper json;

  public DeliveryQueue(ObjectMapper json) {
    this.json = json;
  }

  /** Adds deliveries; one that exists for the same event and URL is left as it is. */
  public Uni<Void> addAll(SqlConnection c, List<NewDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Object[] columns = {
      column(deliveries, d -> ResourceType.newUuid(), UUID[]::new),
      column(deliveries, NewDelivery::accountSid, String[]::new),
      column(deliveries, NewDelivery::conversationId, UUID[]::new),
      column(deliveries, NewDelivery::eventId, UUID[]::new),
      column(deliveries, NewDelivery::eventType, String[]::new),
      column(deliveries, NewDelivery::url, String[]::new),
      column(deliveries, NewDelivery::method, String[]::new),
      column(deliveries, NewDelivery::host, String[]::new),
      column(deliveries, NewDelivery::payload, String[]::new),
      column(deliveries, NewDelivery::traceparent, String[]::new)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(columns)).replaceWithVoid();
  }

  /**
   * Claims up to {@code limit} due deliveries, none of a saturated host and at most a host's room
   * ({@code rooms}, else {@code defaultRoom}) of any other.
   */
  public Uni<List<Claimed>> claim(
      SqlConnection c,
      int limit,
      List<String> saturatedHosts,
      Map<String, Integer> rooms,
      int defaultRoom,
      Duration lease) {
    Tuple params =
        Tuple.tuple()
            .addValue(saturatedHosts.toArray(String[]::new))
            .addValue(limit)
            .addValue(write(rooms))
            .addValue(defaultRoom)
            .addValue(lease.toMillis());
    return QueryPlans.customForTransaction(c) // for this transaction
        .chain(() -> c.preparedQuery(CLAIM).execute(params))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList());
  }

  /** Writes the outcomes of finished attempts with one statement. */
  public Uni<Void> record(SqlConnection c, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Object[] columns = {
      column(outcomes, Outcome::deliveryId, UUID[]::new),
      column(outcomes, o -> o.status().name(), String[]::new),
      column(outcomes, o -> "[" + write(o.attempt()) + "]", String[]::new),
      column(
          outcomes,
          o -> o.nextAttemptAt() == null ? null : o.nextAttemptAt().atOffset(ZoneOffset.UTC),
          OffsetDateTime[]::new)
    };
    return c.preparedQuery(RECORD).execute(Tuple.from(columns)).replaceWithVoid();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <S, T> T[] column(List<S> rows, Function<S, T> value, IntFunction<T[]> array) {
    return rows.stream().map(value).toArray(array);
  }
}
