package io.conversationorchestrator.platform;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a step again and again: at once while the step reports more work waiting, otherwise after an
 * interval, or sooner when {@link #wakeUp()} says work is waiting. Never two runs at a time.
 * Quarkus' scheduler cannot tick faster than once a second; the sweeper, the relay and the callback
 * dispatcher need a few milliseconds. Each run gets a new duplicated Vert.x context, as a request
 * would, for Hibernate Reactive's session.
 */
public final class RepeatingJob {
  private static final Logger LOG = Logger.getLogger(RepeatingJob.class);

  private final Vertx vertx;
  private final String name;
  private final Duration interval;
  private final Supplier<Uni<Boolean>> step;
  private final AtomicBoolean wake = new AtomicBoolean();
  private volatile long timer = -1;
  private volatile boolean stopped;

  /**
   * @param step one run; its item says whether more work is waiting right now
   */
  public RepeatingJob(Vertx vertx, String name, Duration interval, Supplier<Uni<Boolean>> step) {
    this.vertx = vertx;
    this.name = name;
    this.interval = interval;
    this.step = step;
  }

  public RepeatingJob start() {
    schedule(interval);
    return this;
  }

  /**
   * Runs the step now if it is waiting for its interval, or right after the run under way. Cheap
   * and safe from any thread; calls while a run is pending change nothing.
   */
  public void wakeUp() {
    if (stopped) {
      return;
    }
    wake.set(true);
    long waiting = timer;
    if (waiting >= 0 && vertx.cancelTimer(waiting)) {
      run(); // the timer will not fire: this is its run
    }
  }

  /** No new run starts after this; a run under way finishes (or its transaction rolls back). */
  public void stop() {
    stopped = true;
  }

  private void schedule(Duration delay) {
    if (stopped) {
      return;
    }
    long millis = wake.getAndSet(false) ? 1 : Math.max(1, delay.toMillis());
    long id = vertx.setTimer(millis, fired -> run());
    timer = id;
    if (wake.get() && vertx.cancelTimer(id)) {
      run(); // a wake-up came before the timer was visible to it
    }
  }

  private void run() {
    timer = -1;
    wake.set(false); // this run sees the work that a wake-up announced so far
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored ->
            Uni.createFrom()
                .deferred(step::get)
                .subscribe()
                .with(
                    more -> schedule(Boolean.TRUE.equals(more) ? Duration.ZERO : interval),
                    failure -> {
                      if (!stopped) {
                        LOG.warnf("%s failed, will retry: %s", name, failure.getMessage());
                      }
                      schedule(interval);
                    }));
  }
}
