package io.conversationorchestrator.account;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The operator API, which creates accounts and API keys. */
@ConfigMapping(prefix = "orchestrator.operator")
public interface OperatorConfig {
  /** Bearer token of the operator API; the operator API answers 404 when unset. */
  Optional<String> token();
}
