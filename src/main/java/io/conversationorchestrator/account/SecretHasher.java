package io.conversationorchestrator.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** Salted, slow hashing of auth tokens and API key secrets (bcrypt). CPU-bound: call off loop. */
@ApplicationScoped
public class SecretHasher {
  private static final int COST = 10;

  public String hash(String secret) {
    return BCrypt.withDefaults().hashToString(COST, secret.toCharArray());
  }

  public boolean matches(String secret, String hash) {
    return BCrypt.verifyer()
        .verify(secret.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }
}
