package io.conversationorchestrator.callback;

import io.conversationorchestrator.jobs.RepeatingJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries. Each tick it writes back the attempts that finished (one statement) and
 * claims more, up to its free slots, skipping hosts that already have {@code max-per-host} attempts
 * in flight: a slow or dead receiver holds its own slots only, never the others'. Deliveries
 * claimed beyond a host's slots wait here in that host's line.
 */
@ApplicationScoped
public class Dispatcher {
  private static final int MAX_CLAIM = 500;

  private final DeliveryQueue queue;
  private final CallbackSender sender;
  private final SigningKeys keys;
  private final CallbackMetrics metrics;
  private final CallbacksConfig config;
  private final RetryPolicy policy;
  private final Duration lease;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
  private RepeatingJob job;

  public Dispatcher(
      DeliveryQueue queue,
      CallbackSender sender,
      SigningKeys keys,
      CallbackMetrics metrics,
      CallbacksConfig config) {
    this.queue = queue;
    this.sender = sender;
    this.keys = keys;
    this.metrics = metrics;
    this.config = config;
    this.policy =
        new RetryPolicy(
            config.retrySchedule(),
            config.retryJitter(),
            () -> ThreadLocalRandom.current().nextDouble());
    // long enough for a host's line to drain: a crashed replica's claims come back after this
    this.lease = config.timeout().multipliedBy(MAX_CLAIM / config.maxPerHost() + 2);
  }

  void start(@Observes StartupEvent event, Vertx vertx) {
    if (config.dispatcherEnabled()) {
      job =
          new RepeatingJob(vertx, "Callback dispatch", config.dispatchInterval(), this::tick)
              .start();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (job != null) {
      job.stop();
    }
  }

  /** Records finished attempts, then claims and starts more; true when it claimed a full set. */
  private Uni<Boolean> tick() {
    return recordFinished().chain(this::claimAndSend);
  }

  private Uni<Void> recordFinished() {
    List<Outcome> batch = new ArrayList<>();
    for (Outcome o = finished.poll(); o != null; o = batch.size() < 1000 ? finished.poll() : null) {
      batch.add(o);
    }
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    // not lost if the write fails: they are written on a later tick
    return queue.record(batch).onFailure().invoke(() -> finished.addAll(batch));
  }

  private Uni<Boolean> claimAndSend() {
    int free = Math.min(config.maxInFlight() - inFlight.get(), MAX_CLAIM);
    if (free <= 0) {
      return Uni.createFrom().item(false);
    }
    List<String> saturated =
        hosts.entrySet().stream()
            .filter(e -> e.getValue().busy() >= config.maxPerHost())
            .map(Map.Entry::getKey)
            .toList();
    return queue
        .claim(free, saturated, lease)
        .call(
            claimed ->
                Multi.createFrom()
                    .iterable(claimed)
                    .map(Claimed::accountSid)
                    .select()
                    .distinct()
                    .onItem()
                    .transformToUniAndConcatenate(keys::of)
                    .collect()
                    .last())
        .invoke(claimed -> claimed.forEach(this::enqueue))
        .map(claimed -> claimed.size() == free);
  }

  private void enqueue(Claimed delivery) {
    inFlight.incrementAndGet();
    Host host = hosts.computeIfAbsent(delivery.host(), h -> new Host());
    if (host.offer(delivery, config.maxPerHost())) {
      start(delivery, host);
    }
  }

  private void start(Claimed delivery, Host host) {
    sender
        .send(delivery)
        .subscribe()
        .with(result -> finish(delivery, host, result), failure -> finish(delivery, host, null));
  }

  private void finish(Claimed delivery, Host host, Result result) {
    if (result != null) {
      RetryPolicy.Next next = policy.after(result, delivery.attemptsMade() + 1, Instant.now());
      finished.add(
          new Outcome(delivery.id(), next.status(), result.attempt(), next.nextAttemptAt()));
      metrics.attempt(result, next.status());
    } // else: no outcome written; the claim's lease runs out and the delivery is tried again
    inFlight.decrementAndGet();
    Claimed queued = host.done();
    if (queued != null) {
      start(queued, host);
    }
  }

  /** One destination host: attempts in flight and the claimed deliveries waiting for a slot. */
  private static final class Host {
    private final Queue<Claimed> line = new ArrayDeque<>();
    private int busy;

    synchronized int busy() {
      return busy;
    }

    /** Takes a slot (true: start it now) or lines the delivery up (false). */
    synchronized boolean offer(Claimed delivery, int slots) {
      if (busy < slots) {
        busy++;
        return true;
      }
      line.add(delivery);
      return false;
    }

    /** Frees a slot; answers the next delivery in line, which takes it over. */
    synchronized Claimed done() {
      Claimed next = line.poll();
      if (next == null) {
        busy--;
      }
      return next;
    }
  }
}
