package io.conversationorchestrator.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's notion of "now" for API writes: microseconds, as PostgreSQL stores them. */
public final class Time {
  private Time() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** An instant cut to microseconds, so what is returned equals what a later read returns. */
  public static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
