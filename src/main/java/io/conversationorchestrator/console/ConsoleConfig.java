package io.conversationorchestrator.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operator console's sessions and live updates. */
@ConfigMapping(prefix = "orchestrator.console")
public interface ConsoleConfig {
  /** How long a console session lasts after sign-in; the user signs in again after it. */
  @WithDefault("8h")
  Duration sessionTtl();

  /** How often a live page asks the database whether what it shows has changed. */
  @WithDefault("1s")
  Duration liveInterval();
}
