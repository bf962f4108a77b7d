package io.conversationorchestrator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.QueryPlans;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable queue of deliveries, in set-based SQL. Claims skip rows other dispatchers hold, hosts
 * this dispatcher has saturated, and every delivery that an earlier unfinished delivery of the same
 * conversation and URL must precede.
 */
@ApplicationScoped
public class DeliveryQueue {
  private static final String INSERT =
      "insert into callback_delivery (id, account_sid, conversation_id, event_id, event_type, url,"
          + " method, host, payload, traceparent, status, attempts, next_attempt_at, created_at,"
          + " updated_at) values ";
  private static final String INSERT_ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', cast('{\"attempts\": []}' as jsonb), now(), now(), now())";
  // The queue's shape changes faster than its statistics: a burst of due deliveries arrives while
  // the last ANALYZE saw none, or into a table that was empty when the claim was planned (a
  // prepared
  // statement keeps one generic plan after five runs). Either made the claim read the queue once
  // per candidate: seconds, up to 30 s, per claim with 10,000 due. So the claim is planned at each
  // run (QueryPlans, about a millisecond: the table's current size is then known), the ordering
  // check stays a per-candidate probe (OFFSET 0 keeps it from becoming a join) of
  // callback_delivery_order, the only index its status condition matches (V4), and rows are found
  // again by primary key (= any(array(...))), with a status condition no partial index matches.
  // Statuses are PENDING, FAILED_RETRYING, SUCCEEDED and DEAD: "not in ('SUCCEEDED', 'DEAD')" means
  // unfinished.
  //
  // Each host gets at most its room (:rooms, a JSON object by host, else :defaultRoom) of the
  // candidates, so a claim cannot hand a slow host more than it will take soon: claimed deliveries
  // count against max-in-flight until they are sent. Candidates are read without locks, then locked
  // with SKIP LOCKED; the lock re-checks that each is still due and free (another dispatcher may
  // have claimed or recorded it meanwhile).
  private static final String CLAIM =
      """
      with candidates as materialized (
        select d.id, d.host, d.next_attempt_at from callback_delivery d
        where d.status in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
          and d.host <> all(cast(:saturated as text[]))
          and not exists (select 1 from callback_delivery e
            where e.conversation_id = d.conversation_id and e.url = d.url
              and e.status not in ('SUCCEEDED', 'DEAD') and e.seq < d.seq offset 0)
        order by d.next_attempt_at limit :limit),
      picked as (
        select id from (select id, host,
            row_number() over (partition by host order by next_attempt_at) as n from candidates) c
        where n <= coalesce(cast(cast(cast(:rooms as text) as jsonb) ->> host as int), :defaultRoom)),
      due as materialized (
        select d.id from callback_delivery d
        where d.id = any(array(select id from picked))
          and d.status not in ('SUCCEEDED', 'DEAD') and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
        for update skip locked)
      update callback_delivery c set claimed_until = now() + :leaseMillis * interval '1 millisecond'
      where c.id = any(array(select id from due))
      returning c.id, c.account_sid, c.event_id, c.event_type, c.url, c.method, c.host, c.payload,
        jsonb_array_length(c.attempts -> 'attempts'), c.conversation_id, c.traceparent
      """;
  // One array per column: a fixed statement of four parameters however many outcomes (a statement
  // of four parameters per outcome cost Hibernate a parse for each batch size and long searches).
  private static final String RECORD =
      "update callback_delivery c set status = v.status,"
          + " attempts = jsonb_set(c.attempts, '{attempts}',"
          + " (c.attempts -> 'attempts') || cast(v.attempt as jsonb)),"
          + " next_attempt_at = cast(v.next_at as timestamptz), claimed_until = null,"
          + " updated_at = now()"
          + " from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]),"
          + " cast(? as text[])) as v(id, status, attempt, next_at) where c.id = v.id";

  private final ObjectMapper json;

  public DeliveryQueue(ObjectMapper json) {
    this.json = json;
  }

  /** Adds deliveries; one that exists for the same event and URL is left as it is. */
  public Uni<Void> addAll(List<NewDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String sql =
        INSERT
            + String.join(", ", Collections.nCopies(deliveries.size(), INSERT_ROW))
            + " on conflict (event_id, url, method) do nothing";
    return Panache.getSession()
        .chain(
            s -> {
              var insert = s.createNativeQuery(sql);
              int p = 1;
              for (NewDelivery d : deliveries) {
                insert.setParameter(p++, ResourceType.newUuid());
                insert.setParameter(p++, d.accountSid());
                insert.setParameter(p++, d.conversationId());
                insert.setParameter(p++, d.eventId());
                insert.setParameter(p++, d.eventType());
                insert.setParameter(p++, d.url());
                insert.setParameter(p++, d.method());
                insert.setParameter(p++, d.host());
                insert.setParameter(p++, d.payload());
                insert.setParameter(p++, d.traceparent());
              }
              return insert.executeUpdate();
            })
        .replaceWithVoid();
  }

  /**
   * Claims up to {@code limit} due deliveries, none of a saturated host and at most a host's room
   * ({@code rooms}, else {@code defaultRoom}) of any other.
   */
  @WithTransaction
  public Uni<List<Claimed>> claim(
      int limit,
      List<String> saturatedHosts,
      Map<String, Integer> rooms,
      int defaultRoom,
      Duration lease) {
    String[] saturated = saturatedHosts.toArray(String[]::new);
    String roomsJson;
    try {
      roomsJson = json.writeValueAsString(rooms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return Panache.getSession()
        .call(QueryPlans::customForTransaction) // for this transaction
        .chain(
            s ->
                s.createNativeQuery(CLAIM, Object[].class)
                    .setParameter("saturated", saturated)
                    .setParameter("limit", limit)
                    .setParameter("rooms", roomsJson)
                    .setParameter("defaultRoom", defaultRoom)
                    .setParameter("leaseMillis", lease.toMillis())
                    .getResultList())
        .map(rows -> rows.stream().map(Claimed::of).toList());
  }

  @WithTransaction
  public Uni<Void> record(List<Outcome> outcomes) {
    UUID[] ids = new UUID[outcomes.size()];
    String[] statuses = new String[ids.length];
    String[] attempts = new String[ids.length];
    String[] nextAttempts = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      Outcome o = outcomes.get(i);
      ids[i] = o.deliveryId();
      statuses[i] = o.status().name();
      attempts[i] = "[" + write(o.attempt()) + "]";
      nextAttempts[i] = o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString();
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(RECORD)
                    .setParameter(1, ids)
                    .setParameter(2, statuses)
                    .setParameter(3, attempts)
                    .setParameter(4, nextAttempts)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private String write(Attempt attempt) {
    try {
      return json.writeValueAsString(attempt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
