package io.conversationorchestrator.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How callers of the API and the operator API are authenticated. */
@ConfigMapping(prefix = "orchestrator.auth")
public interface AuthConfig {
  /** How long a verified credential is trusted before bcrypt runs again (bounds revocation lag). */
  @WithDefault("30s")
  Duration credentialCacheTtl();

  /** Bearer token of the operator API; the operator API answers 404 when unset. */
  Optional<String> operatorToken();
}
