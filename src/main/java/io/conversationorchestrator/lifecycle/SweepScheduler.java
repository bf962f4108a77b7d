package io.conversationorchestrator.lifecycle;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the sweeper every {@code orchestrator.lifecycle.sweep-interval}. A full batch means more is
 * due, so it sweeps again at once; after downtime this drains the backlog, oldest first.
 */
@ApplicationScoped
public class SweepScheduler {
  private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

  private final Sweeper sweeper;
  private final LifecycleConfig config;

  public SweepScheduler(Sweeper sweeper, LifecycleConfig config) {
    this.sweeper = sweeper;
    this.config = config;
  }

  @Scheduled(
      every = "${orchestrator.lifecycle.sweep-interval:250ms}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = SweeperDisabled.class)
  Uni<Void> sweepDue() {
    int batch = config.sweepBatchSize();
    return Uni.createFrom()
        .deferred(() -> sweeper.sweep(batch))
        .repeat()
        .whilst(claimed -> claimed == batch)
        .collect()
        .last()
        .onFailure()
        .invoke(e -> LOG.warnf("Sweep failed, will retry: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
