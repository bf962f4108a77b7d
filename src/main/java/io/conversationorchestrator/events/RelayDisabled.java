package io.conversationorchestrator.events;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips relay runs on replicas configured not to relay. */
@Singleton
public class RelayDisabled implements Scheduled.SkipPredicate {
  private final EventsConfig config;

  public RelayDisabled(EventsConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.relayEnabled();
  }
}
