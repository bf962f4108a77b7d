package io.conversationorchestrator.events;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the relay; a full batch means more is waiting, so it relays again at once. */
@ApplicationScoped
public class RelayScheduler {
  private static final Logger LOG = Logger.getLogger(RelayScheduler.class);

  private final OutboxRelay relay;
  private final EventsConfig config;

  public RelayScheduler(OutboxRelay relay, EventsConfig config) {
    this.relay = relay;
    this.config = config;
  }

  @Scheduled(
      every = "${orchestrator.events.relay-interval:100ms}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = RelayDisabled.class)
  Uni<Void> relayPending() {
    int batch = config.relayBatchSize();
    return Uni.createFrom()
        .deferred(() -> relay.relay(batch))
        .repeat()
        .whilst(published -> published == batch)
        .collect()
        .last()
        // never leave a run pending forever: with SKIP, every later run would be skipped
        .ifNoItem()
        .after(config.publishTimeout().multipliedBy(2))
        .fail()
        .onFailure()
        .invoke(e -> LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
