package io.conversationorchestrator.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox is sharded among the replicas that relay it. */
@ConfigMapping(prefix = "orchestrator.outbox")
public interface OutboxConfig {
  /** Shards of the outbox (hash of the Kafka key); the same on every replica, see README. */
  @WithDefault("8")
  int shards();

  /** How long a replica's shard leases last unless renewed (renewed every third of it). */
  @WithDefault("10s")
  Duration leaseTtl();
}
