package io.conversationorchestrator.events;

import io.conversationorchestrator.platform.BacklogReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox backlog (rows not yet relayed), the age of the oldest one, and events relayed. */
@ApplicationScoped
public class OutboxMetrics {
  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from now() - (select created_at from outbox_event"
          + " order by seq limit 1)), 0) from outbox_event";

  private final Counter published;
  private final Pool pool;
  private final BacklogReading backlogReading = new BacklogReading(BACKLOG);

  public OutboxMetrics(MeterRegistry registry, Pool pool) {
    this.pool = pool;
    this.published =
        Counter.builder("orchestrator.outbox.published")
            .description("Outbox events published to Kafka and removed from the outbox")
            .register(registry);
    Gauge.builder("orchestrator.outbox.backlog", backlogReading.size(), AtomicLong::get)
        .description("Outbox events waiting to be published")
        .register(registry);
    Gauge.builder("orchestrator.outbox.oldest.age", backlogReading.oldestSeconds(), AtomicLong::get)
        .baseUnit("seconds")
        .description("Age of the oldest outbox event waiting to be published")
        .register(registry);
  }

  void published(int count) {
    published.increment(count);
  }

  /**
   * Counted in the database every few seconds, not on every scrape. Every replica sees the same
   * table, so dashboards take the max over replicas, not the sum.
   */
  @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> measureBacklog() {
    return backlogReading.refresh(pool);
  }
}
