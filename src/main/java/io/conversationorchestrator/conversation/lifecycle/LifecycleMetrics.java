package io.conversationorchestrator.conversation.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Transitions by from/to/reason, closing warnings, SLA breaches, sweep lag (how late a timer fired)
 * and sweep batch time.
 */
@ApplicationScoped
public class LifecycleMetrics {
  private final MeterRegistry registry;
  private final Timer lag;
  private final Timer batch;

  public LifecycleMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lag =
        Timer.builder("orchestrator.lifecycle.sweep.lag")
            .description("Time from a conversation's deadline to its transition")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.batch =
        Timer.builder("orchestrator.lifecycle.sweep.batch")
            .description("Duration of one sweeper batch transaction")
            .register(registry);
  }

  public void transition(Transition transition) {
    registry
        .counter(
            "orchestrator.lifecycle.transitions",
            "from",
            transition.from().name(),
            "to",
            transition.to().name(),
            "reason",
            transition.reason().name())
        .increment();
  }

  public void warning() {
    registry.counter("orchestrator.lifecycle.close.warnings").increment();
  }

  public void breach(String sla) {
    registry.counter("orchestrator.lifecycle.sla.breaches", "sla", sla).increment();
  }

  public void lag(Duration late) {
    lag.record(late.isNegative() ? Duration.ZERO : late);
  }

  public void batch(Duration took) {
    batch.record(took);
  }
}
