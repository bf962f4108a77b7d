package io.conversationorchestrator.platform;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Tracing: W3C trace context is always propagated (HTTP, outbox, Kafka, webhooks); spans leave the
 * service only when an OTLP endpoint is set.
 */
@ConfigMapping(prefix = "orchestrator.tracing")
public interface TracingConfig {
  /**
   * The OTLP collector spans are exported to, e.g. {@code http://otel-collector:4317} (gRPC); none
   * by default: nothing is exported.
   */
  Optional<String> otlpEndpoint();
}
