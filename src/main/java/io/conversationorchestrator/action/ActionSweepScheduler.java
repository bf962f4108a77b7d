package io.conversationorchestrator.action;

import io.conversationorchestrator.platform.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the action sweeper; a full batch means more is due, so it sweeps again at once. */
@ApplicationScoped
public class ActionSweepScheduler {
  private final ActionSweeper sweeper;
  private final ActionsConfig config;
  private RepeatingJob job;

  public ActionSweepScheduler(ActionSweeper sweeper, ActionsConfig config) {
    this.sweeper = sweeper;
    this.config = config;
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (config.sweeperEnabled()) {
      int batch = config.sweepBatchSize();
      job =
          new RepeatingJob(
                  vertx,
                  "Action sweep",
                  config.sweepInterval(),
                  () -> sweeper.sweep(batch).map(failed -> failed == batch))
              .start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (job != null) {
      job.stop();
    }
  }
}
