package io.conversationorchestrator.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox backlog (rows not yet relayed), the age of the oldest one, and events relayed. */
@ApplicationScoped
public class OutboxMetrics {
  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from now() - (select created_at from outbox_event"
          + " order by seq limit 1)), 0) from outbox_event";

  private final Counter published;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();

  public OutboxMetrics(MeterRegistry registry) {
    this.published =
        Counter.builder("orchestrator.outbox.published")
            .description("Outbox events published to Kafka and removed from the outbox")
            .register(registry);
    Gauge.builder("orchestrator.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox events waiting to be published")
        .register(registry);
    Gauge.builder("orchestrator.outbox.oldest.age", oldestSeconds, AtomicLong::get)
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
  @WithSession
  Uni<Void> measureBacklog() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(BACKLOG, Object[].class).getSingleResult())
        .invoke(
            row -> {
              backlog.set(((Number) row[0]).longValue());
              oldestSeconds.set(((Number) row[1]).longValue());
            })
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }
}
