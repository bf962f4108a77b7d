package io.conversationorchestrator.conversation.lifecycle;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure rules from configuration, once. */
public class LifecycleRulesProducer {
  @Produces
  @Singleton
  LifecycleRules rules(LifecycleConfig config) {
    return new LifecycleRules(config.timeoutUnit().duration(), config.maxLifespan());
  }
}
