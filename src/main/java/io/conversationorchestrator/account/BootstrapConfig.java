package io.conversationorchestrator.account;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** An account made to exist at start-up, so a fresh deployment can be used at once. */
@ConfigMapping(prefix = "orchestrator.bootstrap")
public interface BootstrapConfig {
  /** Account SID ({@code AC} + 32 hex) to create or update at start-up. */
  Optional<String> accountSid();

  /** Auth token of that account; stored only as a hash. */
  Optional<String> authToken();
}
