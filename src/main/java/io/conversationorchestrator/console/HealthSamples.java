package io.conversationorchestrator.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * This replica's recent history of the service's own meters, for the health charts: every 10 s the
 * transition counters (by reason), the sweep lag timer, the callback queue gauges and the outbox
 * backlog gauge are read, one hour kept.
 */
@ApplicationScoped
public class HealthSamples {
  static final int KEPT = 360;
  static final long INTERVAL_SECONDS = 10;

  /** One reading: rates over the interval before it, and levels at its time. */
  public record Sample(
      Instant at,
      Map<String, Double> transitionsPerMinute,
      double sweepLagMs,
      double queueDepth,
      double oldestPendingSeconds,
      long outboxBacklog) {}

  private final MeterRegistry registry;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private Map<String, Double> lastTransitions = Map.of();
  private long lastLagCount;
  private double lastLagTotalMs;

  public HealthSamples(MeterRegistry registry) {
    this.registry = registry;
  }

  public synchronized List<Sample> recent() {
    return List.copyOf(samples);
  }

  @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  synchronized void sample() {
    Map<String, Double> transitions = new TreeMap<>();
    for (Counter c : registry.find("orchestrator.lifecycle.transitions").counters()) {
      transitions.merge(c.getId().getTag("reason"), c.count(), Double::sum);
    }
    Map<String, Double> rates = new TreeMap<>();
    transitions.forEach(
        (reason, total) ->
            rates.put(
                reason,
                (total - lastTransitions.getOrDefault(reason, 0.0)) * 60 / INTERVAL_SECONDS));
    lastTransitions = transitions;
    samples.addLast(
        new Sample(
            Instant.now(),
            rates,
            lag(),
            gauge("orchestrator.callbacks.queue.depth"),
            gauge("orchestrator.callbacks.oldest.pending.age"),
            (long) gauge("orchestrator.outbox.backlog")));
    while (samples.size() > KEPT) {
      samples.removeFirst();
    }
  }

  /** The mean sweep lag of the transitions since the last sample (0 when none). */
  private double lag() {
    Timer timer = registry.find("orchestrator.lifecycle.sweep.lag").timer();
    if (timer == null) {
      return 0;
    }
    long count = timer.count();
    double total = timer.totalTime(TimeUnit.MILLISECONDS);
    double mean = count > lastLagCount ? (total - lastLagTotalMs) / (count - lastLagCount) : 0;
    lastLagCount = count;
    lastLagTotalMs = total;
    return mean;
  }

  private double gauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    return gauge == null ? 0 : gauge.value();
  }
}
