package io.conversationorchestrator.callback;

import io.conversationorchestrator.account.SecretBox;
import io.conversationorchestrator.platform.Time;
import io.conversationorchestrator.platform.Transactions;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * An account's signing keys, opened and kept briefly in memory (thousands of sends a second): the
 * {@code signing-keys} cache, bounded in size and age (application.properties). Read with one
 * statement on the reactive SQL client: the sealed auth token and the live Standard Webhooks
 * secrets (those that have not expired, as {@code account.WebhookSecrets} rotates them).
 */
@ApplicationScoped
public class SigningKeys {
  static final String CACHE = "signing-keys";

  private static final String KEYS =
      "select (select auth_token_sealed from account where sid = $1) as auth_token,"
          + " array(select secret from webhook_secret where account_sid = $1"
          + " and (expires_at is null or expires_at > $2) order by created_at desc) as secrets";

  /** The auth token (X-Twilio-Signature) and the live Standard Webhooks secrets, newest first. */
  public record Keys(String authToken, List<String> webhookSecrets) {}

  private final Transactions transactions;
  private final SecretBox box;

  public SigningKeys(Transactions transactions, SecretBox box) {
    this.transactions = transactions;
    this.box = box;
  }

  @CacheResult(cacheName = CACHE)
  public Uni<Keys> of(String accountSid) {
    Tuple params = Tuple.of(accountSid, Time.now().atOffset(ZoneOffset.UTC));
    return transactions.reading(
        c -> c.preparedQuery(KEYS).execute(params).map(rows -> opened(rows.iterator().next())));
  }

  private Keys opened(Row row) {
    String token = row.getString("auth_token");
    return new Keys(
        token == null ? null : box.open(token),
        Arrays.stream(row.getArrayOfStrings("secrets")).map(box::open).toList());
  }

  /** Forgets an account's keys at once on this replica (after a rotation). */
  @CacheInvalidate(cacheName = CACHE)
  public void forget(String accountSid) {}
}
