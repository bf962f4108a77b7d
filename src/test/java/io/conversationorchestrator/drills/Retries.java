package io.conversationorchestrator.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The callback retry schedule {@link DrillStack} configures, and how a drill measures it. */
final class Retries {
  /** {@link DrillStack}'s schedule and timeout. */
  static final List<Duration> SCHEDULE =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private Retries() {}

  /** Gaps between an attempt's end and the next one's start, as the API lists them. */
  static List<Duration> waits(JsonNode attempts) {
    List<Duration> waits = new ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      JsonNode previous = attempts.get(i - 1);
      Instant ended =
          Instant.parse(previous.path("at").asText())
              .plusMillis(previous.path("latencyMs").asLong());
      waits.add(Duration.between(ended, Instant.parse(attempts.get(i).path("at").asText())));
    }
    return waits;
  }
}
