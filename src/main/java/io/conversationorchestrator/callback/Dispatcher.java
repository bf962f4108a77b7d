package io.conversationorchestrator.callback;

import io.conversationorchestrator.platform.RepeatingJob;
import io.conversationorchestrator.platform.Transactions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries. Each tick it writes back the attempts that finished (one statement) and
 * claims more, up to its free slots ({@code max-in-flight} counts claimed deliveries until they
 * finish). Deliveries claimed beyond a host's {@code max-per-host} attempts in flight wait here in
 * that host's line. A host gets at most its room in a claim: {@code max-per-host}, or what it
 * completed in about the last half second when that is more (at most one full claim), minus what it
 * holds. A slow or dead receiver thus holds about its own slots only, never the others', while a
 * fast one gets a line long enough to keep its connections busy between ticks.
 *
 * <p>Ticks come every {@code dispatch-interval}, and at once when half a claim's worth of slots has
 * freed up since the last one, so that a busy host's line is refilled before it runs dry.
 */
@ApplicationScoped
public class Dispatcher {
  private static final int MAX_CLAIM = 500;

  /** A host's recent completions count with weight e^(-age / this). */
  private static final double RATE_WINDOW_NANOS = 500_000_000;

  private final DeliveryQueue queue;
  private final Transactions transactions;
  private final CallbackSender sender;
  private final SigningKeys keys;
  private final CallbackMetrics metrics;
  private final CallbacksConfig config;
  private final RetryPolicy policy;
  private final Duration lease;
  private final int wakeAt; // inFlight falling to this wakes the job: half a claim is free
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
  private RepeatingJob job;

  public Dispatcher(
      DeliveryQueue queue,
      Transactions transactions,
      CallbackSender sender,
      SigningKeys keys,
      CallbackMetrics metrics,
      CallbacksConfig config) {
    this.queue = queue;
    this.transactions = transactions;
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
    this.wakeAt = config.maxInFlight() - Math.min(MAX_CLAIM, config.maxInFlight()) / 2;
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
    return transactions
        .inTransaction(c -> queue.record(c, batch))
        .onFailure()
        .invoke(() -> finished.addAll(batch));
  }

  private Uni<Boolean> claimAndSend() {
    int free = Math.min(config.maxInFlight() - inFlight.get(), MAX_CLAIM);
    if (free <= 0) {
      return Uni.createFrom().item(false);
    }
    long now = System.nanoTime();
    List<String> saturated = new ArrayList<>();
    Map<String, Integer> rooms = new HashMap<>();
    hosts.forEach(
        (name, host) -> {
          int room = host.room(config.maxPerHost(), now);
          if (room <= 0) {
            saturated.add(name);
          } else if (room != config.maxPerHost()) {
            rooms.put(name, room);
          }
        });
    return transactions
        .inTransaction(c -> queue.claim(c, free, saturated, rooms, config.maxPerHost(), lease))
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
    Claimed queued = host.done();
    if (inFlight.decrementAndGet() == wakeAt && job != null) {
      job.wakeUp();
    }
    if (queued != null) {
      start(queued, host);
    }
  }

  /** One destination host: attempts in flight and the claimed deliveries waiting for a slot. */
  private static final class Host {
    private final Queue<Claimed> line = new ArrayDeque<>();
    private int busy;
    private int completed; // since the last room()
    private double recent; // completions, each weighted e^(-age / RATE_WINDOW_NANOS)
    private long recentAt = System.nanoTime();

    /**
     * How many more deliveries this host may be given now: {@code slots}, or its recent completions
     * when more (at most a full claim), minus what it holds.
     */
    synchronized int room(int slots, long now) {
      recent = recent * Math.exp(-(now - recentAt) / RATE_WINDOW_NANOS) + completed;
      recentAt = now;
      completed = 0;
      int share = (int) Math.min(MAX_CLAIM, Math.max(slots, recent));
      return share - busy - line.size();
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
      completed++;
      Claimed next = line.poll();
      if (next == null) {
        busy--;
      }
      return next;
    }
  }
}
