package io.conversationorchestrator.account;

import io.conversationorchestrator.account.StoredCredentials.StoredCredential;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks {@code AccountSid:AuthToken} and {@code ApiKeySid:Secret} pairs. bcrypt is deliberately
 * slow, so a verified pair is remembered (as a digest, never in clear) with the stored hash it
 * matched. For a short while it is trusted as is; after that the stored hash is read again (a
 * revoked key or a rotated token on another replica shows there) and bcrypt runs only when the hash
 * changed: every request in flight when an entry expires would otherwise run it at once.
 */
@ApplicationScoped
public class CredentialVerifier {
  private static final int MAX_CACHED = 10_000;

  private final StoredCredentials credentials;
  private final SecretHasher hasher;
  private final Vertx vertx;
  private final AuthConfig config;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public CredentialVerifier(
      StoredCredentials credentials, SecretHasher hasher, Vertx vertx, AuthConfig config) {
    this.credentials = credentials;
    this.hasher = hasher;
    this.vertx = vertx;
    this.config = config;
  }

  /** The account the credentials act for, or null when they are not valid. */
  public Uni<String> accountFor(String username, String secret) {
    byte[] digest = digest(username, secret);
    Verified cached = verified.get(username);
    if (cached != null && cached.isFreshFor(digest)) {
      return Uni.createFrom().item(cached.accountSid());
    }
    return stored(username).chain(s -> verify(username, secret, digest, s, cached));
  }

  /**
   * A short digest of the credential's stored hash, or null when the account is gone or the key
   * revoked: a console session carries the stamp it signed in with, and a rotated token or a
   * revoked key changes it, ending the session on every replica at its next request.
   */
  public Uni<String> stamp(String username) {
    return stored(username).map(s -> s == null ? null : stampOf(s));
  }

  /** The stored hash of an account's token or an active key's secret; null when there is none. */
  private Uni<StoredCredential> stored(String username) {
    if (Sids.ACCOUNT.matcher(username).matches()) {
      return credentials.ofAccount(username);
    }
    if (Sids.API_KEY.matcher(username).matches()) {
      return credentials.ofActiveKey(username);
    }
    return Uni.createFrom().nullItem();
  }

  private static String stampOf(StoredCredential stored) {
    byte[] digest = digest(stored.accountSid(), stored.hash());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
  }

  private Uni<String> verify(
      String username, String secret, byte[] digest, StoredCredential stored, Verified cached) {
    if (stored == null) {
      verified.remove(username);
      return Uni.createFrom().nullItem();
    }
    if (cached != null && cached.matches(digest, stored)) {
      return Uni.createFrom().item(remember(username, digest, stored));
    }
    return check(username, secret, digest, stored);
  }

  /** Forgets a credential at once on this replica, e.g. when its key is revoked. */
  public void forget(String username) {
    verified.remove(username);
  }

  private Uni<String> check(
      String username, String secret, byte[] digest, StoredCredential stored) {
    Uni<Boolean> matches = Uni.createFrom().item(() -> hasher.matches(secret, stored.hash()));
    return vertx.executeBlocking(matches).map(ok -> ok ? remember(username, digest, stored) : null);
  }

  private String remember(String username, byte[] digest, StoredCredential stored) {
    if (verified.size() >= MAX_CACHED) {
      verified.clear();
    }
    Instant expiry = Instant.now().plus(config.credentialCacheTtl());
    verified.put(username, new Verified(stored, digest, expiry));
    return stored.accountSid();
  }

  private static byte[] digest(String username, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return sha.digest((username + ':' + secret).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Verified(StoredCredential stored, byte[] digest, Instant expiry) {
    String accountSid() {
      return stored.accountSid();
    }

    boolean isFreshFor(byte[] candidate) {
      return Instant.now().isBefore(expiry) && MessageDigest.isEqual(digest, candidate);
    }

    /** The same credential against the same stored hash: bcrypt would answer as before. */
    boolean matches(byte[] candidate, StoredCredential current) {
      return MessageDigest.isEqual(digest, candidate) && stored.equals(current);
    }
  }
}
