package io.conversationorchestrator.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How callers of the API are authenticated. */
@ConfigMapping(prefix = "orchestrator.auth")
public interface AuthConfig {
  /** How long a verified credential is trusted before its stored hash is read again. */
  @WithDefault("30s")
  Duration credentialCacheTtl();
}
