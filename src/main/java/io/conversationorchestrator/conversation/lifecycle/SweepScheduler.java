package io.conversationorchestrator.conversation.lifecycle;

import io.conversationorchestrator.platform.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code orchestrator.lifecycle.sweep-workers} sweepers, each every {@code sweep-interval}. A
 * full batch means more is due, so a worker sweeps again at once; after downtime this drains the
 * backlog, oldest first. Workers never take the same row (SKIP LOCKED), so several in one JVM keep
 * the database busy while another builds its events.
 */
@ApplicationScoped
public class SweepScheduler {
  private final Sweeper sweeper;
  private final LifecycleConfig config;
  private final List<RepeatingJob> workers = new ArrayList<>();

  public SweepScheduler(Sweeper sweeper, LifecycleConfig config) {
    this.sweeper = sweeper;
    this.config = config;
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (!config.sweeperEnabled()) {
      return;
    }
    int batch = config.sweepBatchSize();
    for (int i = 0; i < config.sweepWorkers(); i++) {
      workers.add(
          new RepeatingJob(
                  vertx,
                  "Sweep",
                  config.sweepInterval(),
                  () -> sweeper.sweep(batch).map(claimed -> claimed == batch))
              .start());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    workers.forEach(RepeatingJob::stop);
  }
}
