package io.conversationorchestrator.callback;

import java.time.Duration;

/**
 * How an attempt ended, as far as retrying is concerned.
 *
 * @param retryAfter the receiver's {@code Retry-After}, or null
 */
record Result(Attempt attempt, Kind kind, Duration retryAfter) {
  enum Kind {
    /** 2xx. */
    DELIVERED,
    /** 5xx, 408, 429, timeouts, connection errors: try again later. */
    RETRYABLE,
    /** Other 4xx, redirects, refused targets: trying again would not help. */
    FINAL
  }

  static Kind classify(int httpStatus) {
    if (httpStatus >= 200 && httpStatus < 300) {
      return Kind.DELIVERED;
    }
    if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429) {
      return Kind.RETRYABLE;
    }
    return Kind.FINAL;
  }
}
