package io.conversationorchestrator.events;

import io.conversationorchestrator.platform.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the relay; a full batch means more is waiting, so it relays again at once. */
@ApplicationScoped
public class RelayScheduler {
  private final OutboxRelay relay;
  private final EventsConfig config;
  private RepeatingJob job;

  public RelayScheduler(OutboxRelay relay, EventsConfig config) {
    this.relay = relay;
    this.config = config;
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (config.relayEnabled()) {
      int batch = config.relayBatchSize();
      job =
          new RepeatingJob(
                  vertx,
                  "Outbox relay",
                  config.relayInterval(),
                  () -> relay.relay(batch).map(published -> published == batch))
              .start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (job != null) {
      job.stop();
    }
  }
}
