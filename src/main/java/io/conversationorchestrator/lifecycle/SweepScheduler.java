package io.conversationorchestrator.lifecycle;

import io.conversationorchestrator.jobs.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the sweeper every {@code orchestrator.lifecycle.sweep-interval}. A full batch means more is
 * due, so it sweeps again at once; after downtime this drains the backlog, oldest first.
 */
@ApplicationScoped
public class SweepScheduler {
  private final Sweeper sweeper;
  private final LifecycleConfig config;
  private RepeatingJob job;

  public SweepScheduler(Sweeper sweeper, LifecycleConfig config) {
    this.sweeper = sweeper;
    this.config = config;
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (config.sweeperEnabled()) {
      int batch = config.sweepBatchSize();
      job =
          new RepeatingJob(
                  vertx,
                  "Sweep",
                  config.sweepInterval(),
                  () -> sweeper.sweep(batch).map(claimed -> claimed == batch))
              .start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (job != null) {
      job.stop();
    }
  }
}
