package io.conversationorchestrator.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Domain events: topics and how the outbox relay runs. */
@ConfigMapping(prefix = "orchestrator.events")
public interface EventsConfig {
  /** Topic names. */
  Topics topics();

  /** How often an idle relay looks for new outbox rows. */
  @WithDefault("100ms")
  Duration relayInterval();

  /** How many outbox rows of one shard one relay transaction publishes. */
  @WithDefault("500")
  int relayBatchSize();

  /** How long a batch may wait for Kafka's acknowledgements before it is retried. */
  @WithDefault("40s")
  Duration publishTimeout();

  /** Whether this replica runs the relay (any number may; they share the outbox shards). */
  @WithDefault("true")
  boolean relayEnabled();

  /** The CloudEvents {@code source} of every event. */
  @WithDefault("/conversation-orchestrator")
  String source();

  /** Extra Kafka producer properties for the relay, e.g. {@code batch.size}; they win. */
  Map<String, String> producer();

  interface Topics {
    /** Conversation, participant and communication events, keyed by conversation id. */
    @WithDefault("conversations")
    String conversations();

    /** Configuration events, keyed by configuration id. */
    @WithDefault("configurations")
    String configurations();

    /** Commands to channel adapters (e.g. send a message), keyed by conversation id. */
    @WithDefault("conversation-actions")
    String actions();
  }
}
