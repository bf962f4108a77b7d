package io.conversationorchestrator.conversation.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Conversation lifecycle: the meaning of timeouts and how the sweeper runs. */
@ConfigMapping(prefix = "orchestrator.lifecycle")
public interface LifecycleConfig {
  /** Unit of every statusTimeouts value: MINUTES as the API says, SECONDS for demos and tests. */
  @WithDefault("MINUTES")
  TimeoutUnit timeoutUnit();

  /** The longest a conversation stays open, whatever its timers (the hosted product's cap). */
  @WithDefault("P1095D")
  Duration maxLifespan();

  /**
   * How long after a close a new conversation of the same grouping key links it (0 turns it off).
   */
  @WithDefault("P7D")
  Duration reopenLinkWindow();

  /** How often an idle sweeper looks for due conversations. */
  @WithDefault("250ms")
  Duration sweepInterval();

  /** How many due conversations one sweeper transaction claims. */
  @WithDefault("500")
  int sweepBatchSize();

  /** How many sweepers run in this replica, each in its own transactions. */
  @WithDefault("2")
  int sweepWorkers();

  /** Whether this replica runs the sweeper at all. */
  @WithDefault("true")
  boolean sweeperEnabled();

  enum TimeoutUnit {
    MINUTES(ChronoUnit.MINUTES),
    SECONDS(ChronoUnit.SECONDS);

    private final ChronoUnit unit;

    TimeoutUnit(ChronoUnit unit) {
      this.unit = unit;
    }

    public Duration duration() {
      return unit.getDuration();
    }
  }
}
