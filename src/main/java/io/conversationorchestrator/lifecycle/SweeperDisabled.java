package io.conversationorchestrator.lifecycle;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips sweeps on replicas configured not to run the sweeper. */
@Singleton
public class SweeperDisabled implements Scheduled.SkipPredicate {
  private final LifecycleConfig config;

  public SweeperDisabled(LifecycleConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.sweeperEnabled();
  }
}
