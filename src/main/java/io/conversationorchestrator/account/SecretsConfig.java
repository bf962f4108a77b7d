package io.conversationorchestrator.account;

import io.smallrye.config.ConfigMapping;

/** Keys protecting the secrets the service must be able to read back (for signing callbacks). */
@ConfigMapping(prefix = "orchestrator.secrets")
public interface SecretsConfig {
  /** AES-256 key, base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}). */
  String key();
}
