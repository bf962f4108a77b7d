package io.conversationorchestrator.callback;

import io.conversationorchestrator.platform.BacklogReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Deliveries by outcome, attempt latency, queue depth and the age of the oldest pending one. */
@ApplicationScoped
public class CallbackMetrics {
  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
          + " from callback_delivery where status in ('PENDING', 'FAILED_RETRYING')";

  private final MeterRegistry registry;
  private final Timer latency;
  private final Pool pool;
  private final BacklogReading backlogReading = new BacklogReading(BACKLOG);

  public CallbackMetrics(MeterRegistry registry, Pool pool) {
    this.registry = registry;
    this.pool = pool;
    this.latency =
        Timer.builder("orchestrator.callbacks.attempt.latency")
            .description("Duration of one callback attempt")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    Gauge.builder("orchestrator.callbacks.queue.depth", backlogReading.size(), AtomicLong::get)
        .description("Deliveries waiting to be sent or retried")
        .register(registry);
    Gauge.builder(
            "orchestrator.callbacks.oldest.pending.age",
            backlogReading.oldestSeconds(),
            AtomicLong::get)
        .baseUnit("seconds")
        .description("Age of the oldest unfinished delivery")
        .register(registry);
  }

  void attempt(Result result, CallbackStatus status) {
    latency.record(Duration.ofMillis(result.attempt().latencyMs()));
    registry.counter("orchestrator.callbacks.deliveries", "outcome", status.name()).increment();
  }

  /** The backlog is counted in the database every few seconds, not on every scrape. */
  @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> measureBacklog() {
    return backlogReading.refresh(pool);
  }
}
