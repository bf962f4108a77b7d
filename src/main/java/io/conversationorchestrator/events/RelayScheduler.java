package io.conversationorchestrator.events;

import io.conversationorchestrator.platform.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs the relay: one job keeps this replica's share of the shards (every third of the lease time),
 * the other relays the shards it holds; a full batch means more is waiting, so it relays again at
 * once. At shutdown the shards are handed back for the other replicas to take at once.
 */
@ApplicationScoped
public class RelayScheduler {
  private static final Logger LOG = Logger.getLogger(RelayScheduler.class);

  private final OutboxRelay relay;
  private final OutboxShards shards;
  private final EventsConfig config;
  private final OutboxConfig outbox;
  private volatile RepeatingJob leases;
  private volatile RepeatingJob job;

  public RelayScheduler(
      OutboxRelay relay, OutboxShards shards, EventsConfig config, OutboxConfig outbox) {
    this.relay = relay;
    this.shards = shards;
    this.config = config;
    this.outbox = outbox;
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (config.relayEnabled()) {
      int batch = config.relayBatchSize();
      job =
          new RepeatingJob(
                  vertx,
                  "Outbox relay",
                  config.relayInterval(),
                  () -> relay.relayHeld(batch).map(published -> published == batch))
              .start();
      leases =
          new RepeatingJob(
                  vertx, "Outbox shard leases", outbox.leaseTtl().dividedBy(3), this::keepShare)
              .start();
      leases.wakeUp(); // take a share now, not a third of the lease time from now
    }
  }

  private Uni<Boolean> keepShare() {
    int before = shards.held().size();
    return shards
        .rebalance()
        .invoke(
            () -> {
              if (shards.held().size() > before) {
                job.wakeUp(); // relay the shards just taken at once
              }
            })
        .replaceWith(false);
  }

  void stop(@Observes ShutdownEvent event) {
    if (job != null) {
      job.stop();
      leases.stop();
      try {
        shards.leave().await().atMost(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debugf(e, "Shard leases not handed back; they expire after %s", outbox.leaseTtl());
      }
    }
  }
}
