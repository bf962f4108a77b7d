package io.conversationorchestrator.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the bookkeeping tables small: idempotency keys past their 24 hours, operations and finished
 * callback deliveries past the retention period. Deletes in bounded chunks.
 */
@ApplicationScoped
public class Retention {
  private static final Logger LOG = Logger.getLogger(Retention.class);
  private static final List<String> CLEANUPS =
      List.of(
          "delete from idempotency_key where ctid in (select ctid from idempotency_key"
              + " where created_at < now() - interval '24 hours' limit 10000)",
          "delete from operation where ctid in (select ctid from operation"
              + " where created_at < now() - interval '7 days' limit 10000)",
          "delete from callback_delivery where ctid in (select ctid from callback_delivery"
              + " where status in ('SUCCEEDED', 'DEAD') and updated_at < now() - interval '7 days'"
              + " limit 10000)");

  @Scheduled(
      every = "10m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @WithTransaction
  Uni<Void> clean() {
    return Multi.createFrom()
        .iterable(CLEANUPS)
        .onItem()
        .transformToUniAndConcatenate(
            sql -> Panache.getSession().chain(s -> s.createNativeQuery(sql).executeUpdate()))
        .collect()
        .asList()
        .invoke(counts -> LOG.debugf("Retention removed %s rows", counts))
        .replaceWithVoid()
        .onFailure()
        .invoke(e -> LOG.warnf("Retention failed, will retry: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull();
  }
}
