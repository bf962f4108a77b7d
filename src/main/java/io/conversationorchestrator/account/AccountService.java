package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ApiError;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates accounts and API keys (operator API, bootstrap) and revokes keys. */
@ApplicationScoped
public class AccountService {
  private static final String LOCK =
      "select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) locked";

  private final AccountRepository accounts;
  private final ApiKeyRepository keys;
  private final SecretHasher hasher;
  private final CredentialVerifier verifier;
  private final Vertx vertx;
  private final SecretBox secretBox;
  private final WebhookSecrets webhookSecrets;

  public AccountService(
      AccountRepository accounts,
      ApiKeyRepository keys,
      SecretHasher hasher,
      CredentialVerifier verifier,
      Vertx vertx,
      SecretBox secretBox,
      WebhookSecrets webhookSecrets) {
    this.accounts = accounts;
    this.keys = keys;
    this.hasher = hasher;
    this.verifier = verifier;
    this.vertx = vertx;
    this.secretBox = secretBox;
    this.webhookSecrets = webhookSecrets;
  }

  /**
   * Makes the account exist with this token: creates it, or resets the token of an existing one.
   */
  @WithTransaction
  public Uni<AccountEntity> ensureAccount(String sid, String authToken, String friendlyName) {
    return hash(authToken)
        .call(() -> lock(sid))
        .chain(
            hash ->
                accounts
                    .findById(sid)
                    .chain(found -> upsert(found, sid, hash, authToken, friendlyName)))
        .call(account -> webhookSecrets.ensure(account.sid));
  }

  /** A new account; 409 when the SID is taken (the operator must not reset tokens by accident). */
  @WithTransaction
  public Uni<AccountEntity> createAccount(String sid, String authToken, String friendlyName) {
    return lock(sid)
        .chain(() -> accounts.findById(sid))
        .onItem()
        .ifNotNull()
        .failWith(() -> ApiException.conflict("Account " + sid + " already exists", sid))
        .chain(() -> ensureAccount(sid, authToken, friendlyName));
  }

  @WithTransaction
  public Uni<ApiKeyEntity> createKey(String accountSid, String secret, String friendlyName) {
    return existing(accountSid)
        .chain(() -> hash(secret))
        .chain(hash -> keys.persist(newKey(accountSid, hash, friendlyName)));
  }

  /** A new webhook signing secret for the account (the old ones expire after the overlap). */
  @WithTransaction
  public Uni<String> rotateWebhookSecret(String accountSid) {
    return existing(accountSid).chain(() -> webhookSecrets.rotate(accountSid));
  }

  @WithTransaction
  public Uni<ApiKeyEntity> revokeKey(String accountSid, String keySid) {
    return keys.find("sid = ?1 and accountSid = ?2", keySid, accountSid)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new ApiException(ApiError.NOT_FOUND, "API key " + keySid + " not found"))
        .invoke(this::revoke);
  }

  private void revoke(ApiKeyEntity key) {
    if (key.revokedAt == null) {
      key.revokedAt = Time.now();
    }
    verifier.forget(key.sid);
  }

  private Uni<AccountEntity> upsert(
      AccountEntity found, String sid, String hash, String token, String name) {
    AccountEntity account = found != null ? found : new AccountEntity();
    account.authTokenHash = hash;
    account.authTokenSealed = secretBox.seal(token);
    if (found == null) {
      account.sid = sid;
      account.friendlyName = name;
      account.createdAt = Time.now();
      verifier.forget(sid);
      return accounts.persist(account);
    }
    verifier.forget(sid);
    return Uni.createFrom().item(account);
  }

  /**
   * Serialises find-then-write of one SID until the transaction ends. Without it, replicas started
   * together each found no bootstrap account and all but the first failed their start-up on the
   * primary key; and of two concurrent operator creations both could pass the 409 check, the later
   * then resetting the token the earlier had just handed out.
   */
  private Uni<Void> lock(String sid) {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(LOCK).setParameter(1, sid).getSingleResult())
        .replaceWithVoid();
  }

  private static ApiKeyEntity newKey(String accountSid, String hash, String friendlyName) {
    ApiKeyEntity key = new ApiKeyEntity();
    key.sid = Sids.newApiKeySid();
    key.accountSid = accountSid;
    key.secretHash = hash;
    key.friendlyName = friendlyName;
    key.createdAt = Time.now();
    return key;
  }

  /** bcrypt on a worker thread: it would stall the event loop for tens of milliseconds. */
  private Uni<String> hash(String secret) {
    return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(secret)));
  }

  private Uni<AccountEntity> existing(String accountSid) {
    return accounts
        .findById(accountSid)
        .onItem()
        .ifNull()
        .failWith(
            () -> new ApiException(ApiError.NOT_FOUND, "Account " + accountSid + " not found"));
  }
}
