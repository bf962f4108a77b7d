package io.conversationorchestrator.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs {@code orchestrator.lifecycle.sweep-workers} sweepers, each every {@code sweep-interval}. A
 * full batch means more is due, so a worker sweeps again at once; after downtime this drains the
 * backlog, oldest first. Workers never take the same row (SKIP LOCKED), so several in one JVM keep
 * the database busy while another builds its events.
 *
 * <p>Vert.x timers, not {@code @Scheduled}: Quarkus' scheduler fires at most once a second, which
 * alone would make deadlines up to a second late.
 */
@ApplicationScoped
public class SweepScheduler {
  private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

  private final Sweeper sweeper;
  private final LifecycleConfig config;
  private final Vertx vertx;
  private volatile boolean stopped;

  public SweepScheduler(Sweeper sweeper, LifecycleConfig config, Vertx vertx) {
    this.sweeper = sweeper;
    this.config = config;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent ignored) {
    if (!config.sweeperEnabled()) {
      return;
    }
    for (int i = 0; i < config.sweepWorkers(); i++) {
      // Hibernate Reactive runs only on a duplicated context marked safe, as @Scheduled gives.
      Context worker = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
      VertxContextSafetyToggle.setContextSafe(worker, true);
      later(worker);
    }
  }

  void stop(@Observes ShutdownEvent ignored) {
    stopped = true;
  }

  private void later(Context worker) {
    if (!stopped) {
      vertx.setTimer(
          config.sweepInterval().toMillis(), id -> worker.runOnContext(run -> sweep(worker)));
    }
  }

  private void sweep(Context worker) {
    int batch = config.sweepBatchSize();
    Uni.createFrom()
        .deferred(() -> stopped ? Uni.createFrom().item(0) : sweeper.sweep(batch))
        .repeat()
        .whilst(claimed -> claimed == batch)
        .collect()
        .last()
        .subscribe()
        .with(
            done -> later(worker),
            e -> {
              LOG.warnf("Sweep failed, will retry: %s", e.getMessage());
              later(worker);
            });
  }
}
