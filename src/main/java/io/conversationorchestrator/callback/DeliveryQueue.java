package io.conversationorchestrator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The durable queue of deliveries, in set-based SQL. Claims skip rows other dispatchers hold, hosts
 * this dispatcher has saturated, and every delivery that an earlier unfinished delivery of the same
 * conversation and URL must precede.
 */
@ApplicationScoped
public class DeliveryQueue {
  private static final String INSERT =
      "insert into callback_delivery (id, account_sid, conversation_id, event_id, event_type, url,"
          + " method, host, payload, status, attempts, next_attempt_at, created_at, updated_at) values ";
  private static final String INSERT_ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', cast('{\"attempts\": []}' as jsonb), now(), now(), now())";
  private static final String CLAIM =
      """
      with due as (
        select d.id from callback_delivery d
        where d.status in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= now()
          and (d.claimed_until is null or d.claimed_until < now())
          and d.host not in (:saturated)
          and not exists (select 1 from callback_delivery e
            where e.conversation_id = d.conversation_id and e.url = d.url
              and e.status in ('PENDING', 'FAILED_RETRYING') and e.seq < d.seq)
        order by d.next_attempt_at limit :limit for update skip locked)
      update callback_delivery c set claimed_until = now() + :leaseMillis * interval '1 millisecond'
      from due where c.id = due.id
      returning c.id, c.account_sid, c.event_id, c.event_type, c.url, c.method, c.host, c.payload,
        jsonb_array_length(c.attempts -> 'attempts')
      """;
  private static final String RECORD =
      "update callback_delivery c set status = v.status,"
          + " attempts = jsonb_set(c.attempts, '{attempts}', (c.attempts -> 'attempts') || v.attempt),"
          + " next_attempt_at = v.next_at, claimed_until = null, updated_at = now()"
          + " from (values %s) as v(id, status, attempt, next_at) where c.id = v.id";
  private static final String RECORD_ROW =
      "(cast(? as uuid), cast(? as text), cast(cast(? as text) as jsonb), cast(cast(? as text) as timestamptz))";

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
              }
              return insert.executeUpdate();
            })
        .replaceWithVoid();
  }

  @WithTransaction
  public Uni<List<Claimed>> claim(int limit, List<String> saturatedHosts, Duration lease) {
    List<String> saturated = saturatedHosts.isEmpty() ? List.of("") : saturatedHosts;
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CLAIM, Object[].class)
                    .setParameter("saturated", saturated)
                    .setParameter("limit", limit)
                    .setParameter("leaseMillis", lease.toMillis())
                    .getResultList())
        .map(rows -> rows.stream().map(Claimed::of).toList());
  }

  @WithTransaction
  public Uni<Void> record(List<Outcome> outcomes) {
    String sql =
        RECORD.formatted(String.join(", ", Collections.nCopies(outcomes.size(), RECORD_ROW)));
    return Panache.getSession()
        .chain(
            s -> {
              var update = s.createNativeQuery(sql);
              int p = 1;
              for (Outcome o : outcomes) {
                update.setParameter(p++, o.deliveryId().toString());
                update.setParameter(p++, o.status().name());
                update.setParameter(p++, "[" + write(o.attempt()) + "]");
                update.setParameter(
                    p++, o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString());
              }
              return update.executeUpdate();
            })
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
