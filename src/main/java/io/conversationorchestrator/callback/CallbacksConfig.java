package io.conversationorchestrator.callback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Status callback delivery: timeouts, retries, concurrency and the address policy. */
@ConfigMapping(prefix = "orchestrator.callbacks")
public interface CallbacksConfig {
  /** Deliver to loopback, private, link-local and similar addresses (local development only). */
  @WithDefault("false")
  boolean allowPrivateTargets();

  /** Host names allowed even when they resolve to private addresses (internal receivers). */
  Optional<List<String>> privateTargetAllowlist();

  /** How long one attempt may take, connection included. */
  @WithDefault("10s")
  Duration timeout();

  /** Waits before each retry; after the last one a delivery is DEAD. */
  @WithDefault("5s,5m,30m,2h,5h,10h,10h")
  List<Duration> retrySchedule();

  /** Random spread of each wait, as a fraction (0.1 = ±10%), so retries do not arrive in herds. */
  @WithDefault("0.1")
  double retryJitter();

  /** Attempts in flight at once to one host: a slow receiver cannot take every slot. */
  @WithDefault("16")
  int maxPerHost();

  /** Attempts in flight at once on this replica. */
  @WithDefault("512")
  int maxInFlight();

  /** How often the dispatcher looks for due deliveries and records finished attempts. */
  @WithDefault("50ms")
  Duration dispatchInterval();

  /** Whether this replica sends callbacks (consuming events into deliveries runs regardless). */
  @WithDefault("true")
  boolean dispatcherEnabled();
}
