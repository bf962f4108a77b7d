package io.conversationorchestrator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What follows an attempt, for a schedule of 5s, 5m, 30m. The clock ({@code now}) and the random
 * value are given, so every next attempt time is exact.
 */
class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final List<Duration> SCHEDULE =
      List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

  @ParameterizedTest(name = "attempt {0} {1}, Retry-After {2}, random {3}, jitter {4} → {5} {6}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          # attempt | result   | Retry-After | random  | jitter | status          | wait
          1,          DELIVERED, -,            0.5,      0.1,     SUCCEEDED,        -
          3,          DELIVERED, -,            0.5,      0.1,     SUCCEEDED,        -
          1,          FINAL,     -,            0.5,      0.1,     DEAD,             -
          1,          RETRYABLE, -,            0.5,      0.1,     FAILED_RETRYING,  PT5S
          1,          RETRYABLE, -,            0.0,      0.1,     FAILED_RETRYING,  PT4.5S
          1,          RETRYABLE, -,            0.99999,  0.1,     FAILED_RETRYING,  PT5.5S
          2,          RETRYABLE, -,            0.75,     0.1,     FAILED_RETRYING,  PT5M15S
          2,          RETRYABLE, -,            0.0,      0.0,     FAILED_RETRYING,  PT5M
          3,          RETRYABLE, -,            0.5,      0.0,     FAILED_RETRYING,  PT30M
          4,          RETRYABLE, -,            0.5,      0.0,     DEAD,             -
          1,          RETRYABLE, PT1M,         0.5,      0.1,     FAILED_RETRYING,  PT1M
          2,          RETRYABLE, PT1M,         0.5,      0.1,     FAILED_RETRYING,  PT5M
          1,          RETRYABLE, PT1M,         1.0,      0.0,     FAILED_RETRYING,  PT1M
          4,          RETRYABLE, PT1M,         0.5,      0.1,     DEAD,             -
          1,          FINAL,     PT1M,         0.5,      0.1,     DEAD,             -
          """)
  void nextStep(
      int attemptsMade,
      Result.Kind kind,
      Duration retryAfter,
      double random,
      double jitter,
      CallbackStatus status,
      Duration wait) {
    RetryPolicy policy = new RetryPolicy(SCHEDULE, jitter, () -> random);
    Result result =
        new Result(new Attempt(NOW.minusMillis(40), 503, 40, "HTTP 503"), kind, retryAfter);

    RetryPolicy.Next next = policy.after(result, attemptsMade, NOW);

    assertThat(next.status()).isEqualTo(status);
    assertThat(next.nextAttemptAt()).isEqualTo(wait == null ? null : NOW.plus(wait));
  }
}
