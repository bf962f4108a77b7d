package io.conversationorchestrator.events;

import io.conversationorchestrator.platform.QueryPlans;
import io.conversationorchestrator.platform.VertxContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Moves outbox rows to Kafka. Each batch runs in one transaction that first locks the relay lease
 * row (others skip it), reads the oldest rows, publishes them in sequence order, waits for every
 * acknowledgement and deletes them. A crash or timeout before the commit leaves the rows in place:
 * they are published again (same {@code ce_id}), never lost.
 *
 * <p>Why one lease and not SKIP LOCKED over rows: two relays each taking rows of one conversation
 * could hand them to Kafka out of order. One relay at a time keeps commit order; a single relay
 * publishes tens of thousands of events per second, far above the write rate of the API.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final String LEASE =
      "select name from relay_lease where name = 'outbox' for update skip locked";
  private static final String OLDEST =
      "select seq, id, stream, message_key, event_type, subject, cast(payload as text), created_at,"
          + " traceparent"
          + " from outbox_event order by seq limit :limit";
  private static final String DELETE = "delete from outbox_event where seq in (:seqs)";

  private final KafkaPublisher publisher;
  private final EventsConfig config;
  private final OutboxMetrics metrics;

  public OutboxRelay(KafkaPublisher publisher, EventsConfig config, OutboxMetrics metrics) {
    this.publisher = publisher;
    this.config = config;
    this.metrics = metrics;
  }

  /** Relays one batch; answers how many rows it published (0 when another replica relays). */
  @WithTransaction
  public Uni<Integer> relay(int limit) {
    Executor transactionContext = VertxContexts.current();
    return holdLease()
        .chain(held -> held ? oldest(limit) : Uni.createFrom().item(List.<OutboxRow>of()))
        .chain(
            rows ->
                rows.isEmpty()
                    ? Uni.createFrom().item(0)
                    : publishAndDelete(rows, transactionContext));
  }

  private Uni<Boolean> holdLease() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(LEASE, String.class).getResultList())
        .map(lease -> !lease.isEmpty());
  }

  private Uni<List<OutboxRow>> oldest(int limit) {
    return Panache.getSession()
        .call(QueryPlans::customForTransaction) // a cached plan sorted the whole backlog
        .chain(
            s ->
                s.createNativeQuery(OLDEST, Object[].class)
                    .setParameter("limit", limit)
                    .getResultList())
        .map(rows -> rows.stream().map(OutboxRow::of).toList());
  }

  /**
   * Acknowledgements complete on Kafka's threads and the timeout on Mutiny's; the transaction must
   * go on on its own Vert.x context, or Hibernate Reactive can neither commit nor roll back. Only
   * acknowledged rows are deleted; the others stay, in order, for the next batch.
   */
  private Uni<Integer> publishAndDelete(List<OutboxRow> rows, Executor transactionContext) {
    return publisher
        .publish(rows)
        .ifNoItem()
        .after(config.publishTimeout())
        .fail()
        .emitOn(transactionContext)
        .chain(
            acked ->
                acked.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.getSession()
                        .chain(
                            s ->
                                s.createNativeQuery(DELETE)
                                    .setParameter("seqs", acked)
                                    .executeUpdate())
                        .invoke(metrics::published));
  }
}
