package io.conversationorchestrator.callback;

import io.conversationorchestrator.account.AccountRepository;
import io.conversationorchestrator.account.SecretBox;
import io.conversationorchestrator.account.WebhookSecrets;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * An account's signing keys, opened and kept briefly in memory (thousands of sends a second): the
 * {@code signing-keys} cache, bounded in size and age (application.properties).
 */
@ApplicationScoped
public class SigningKeys {
  static final String CACHE = "signing-keys";

  /** The auth token (X-Twilio-Signature) and the live Standard Webhooks secrets, newest first. */
  public record Keys(String authToken, List<String> webhookSecrets) {}

  private final AccountRepository accounts;
  private final WebhookSecrets secrets;
  private final SecretBox box;

  public SigningKeys(AccountRepository accounts, WebhookSecrets secrets, SecretBox box) {
    this.accounts = accounts;
    this.secrets = secrets;
    this.box = box;
  }

  @CacheResult(cacheName = CACHE)
  @WithSession
  public Uni<Keys> of(String accountSid) {
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
                                live)));
  }

  /** Forgets an account's keys at once on this replica (after a rotation). */
  @CacheInvalidate(cacheName = CACHE)
  public void forget(String accountSid) {}
}
