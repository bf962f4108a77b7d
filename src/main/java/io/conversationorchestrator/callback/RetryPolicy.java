package io.conversationorchestrator.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleSupplier;

/** What follows an attempt: done, dead, or another try at a later time. Pure. */
final class RetryPolicy {
  private final List<Duration> schedule;
  private final double jitter;
  private final DoubleSupplier random;

  /**
   * @param random values in [0, 1), spread over ±jitter around each scheduled wait
   */
  RetryPolicy(List<Duration> schedule, double jitter, DoubleSupplier random) {
    this.schedule = List.copyOf(schedule);
    this.jitter = jitter;
    this.random = random;
  }

  record Next(CallbackStatus status, Instant nextAttemptAt) {}

  /**
   * @param attemptsMade attempts including the one that just ended
   */
  Next after(Result result, int attemptsMade, Instant now) {
    return switch (result.kind()) {
      case DELIVERED -> new Next(CallbackStatus.SUCCEEDED, null);
      case FINAL -> new Next(CallbackStatus.DEAD, null);
      case RETRYABLE ->
          attemptsMade > schedule.size()
              ? new Next(CallbackStatus.DEAD, null)
              : new Next(
                  CallbackStatus.FAILED_RETRYING,
                  now.plus(wait(attemptsMade, result.retryAfter())));
    };
  }

  private Duration wait(int attemptsMade, Duration retryAfter) {
    Duration planned = schedule.get(attemptsMade - 1);
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    Duration spread = Duration.ofMillis(Math.round(planned.toMillis() * factor));
    return retryAfter != null && retryAfter.compareTo(spread) > 0 ? retryAfter : spread;
  }
}
