package io.conversationorchestrator.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of /v2/Subscriptions. */
@ConfigMapping(prefix = "orchestrator.subscriptions")
public interface SubscriptionsConfig {
  /** Subscriptions one account may have: the callback intake reads them all for each batch. */
  @WithDefault("100")
  int maxPerAccount();
}
