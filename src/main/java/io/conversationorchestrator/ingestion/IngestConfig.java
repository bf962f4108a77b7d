package io.conversationorchestrator.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Passive ingestion over Kafka (the channel configuration reads these names). */
@ConfigMapping(prefix = "orchestrator.ingest")
public interface IngestConfig {
  /** Kafka topic channel adapters publish communications to. */
  @WithDefault("communications-inbound")
  String topic();

  /** Where records that cannot be routed go, with the reason in a header. */
  @WithDefault("communications-inbound-dlq")
  String deadLetterTopic();
}
