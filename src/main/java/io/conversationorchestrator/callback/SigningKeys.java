package io.conversationorchestrator.callback;

import io.conversationorchestrator.account.AccountRepository;
import io.conversationorchestrator.account.SecretBox;
import io.conversationorchestrator.account.WebhookSecrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An account's signing keys, opened and kept briefly in memory (thousands of sends a second). */
@ApplicationScoped
public class SigningKeys {
  private static final Duration TTL = Duration.ofSeconds(30);

  /** The auth token (X-Twilio-Signature) and the live Standard Webhooks secrets, newest first. */
  public record Keys(String authToken, List<String> webhookSecrets, Instant expiry) {}

  private final AccountRepository accounts;
  private final WebhookSecrets secrets;
  private final SecretBox box;
  private final Map<String, Keys> cache = new ConcurrentHashMap<>();

  public SigningKeys(AccountRepository accounts, WebhookSecrets secrets, SecretBox box) {
    this.accounts = accounts;
    this.secrets = secrets;
    this.box = box;
  }

  public Uni<Keys> of(String accountSid) {
    Keys cached = cache.get(accountSid);
    if (cached != null && Instant.now().isBefore(cached.expiry())) {
      return Uni.createFrom().item(cached);
    }
    return load(accountSid).invoke(keys -> cache.put(accountSid, keys));
  }

  /** Forgets an account's keys at once on this replica (after a rotation). */
  public void forget(String accountSid) {
    cache.remove(accountSid);
  }

  @WithSession
  Uni<Keys> load(String accountSid) {
    return accounts
        .findById(accountSid)
        .chain(
            account ->
                secrets
                    .signing(accountSid)
                    .map(
                        live ->
                            new Keys(
                                account == null || account.authTokenSealed == null
                                    ? null
                                    : box.open(account.authTokenSealed),
                                live,
                                Instant.now().plus(TTL))));
  }
}
