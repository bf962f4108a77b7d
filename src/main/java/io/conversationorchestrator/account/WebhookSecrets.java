package io.conversationorchestrator.account;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.Time;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks signing secrets ({@code whsec_…}). Rotation adds a new secret and lets the
 * older ones expire after an overlap window, during which callbacks carry both signatures.
 */
@ApplicationScoped
public class WebhookSecrets {
  public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretBox box;

  public WebhookSecrets(SecretBox box) {
    this.box = box;
  }

  /** Gives the account a secret if it has none. Runs in the caller's transaction. */
  public Uni<Void> ensure(String accountSid) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "from WebhookSecretEntity where accountSid = ?1", WebhookSecretEntity.class)
                    .setParameter(1, accountSid)
                    .getResultList())
        .chain(
            existing ->
                existing.isEmpty()
                    ? add(accountSid).replaceWithVoid()
                    : Uni.createFrom().voidItem());
  }

  /** Adds a new secret; older live ones expire after the overlap. Answers the new secret. */
  public Uni<String> rotate(String accountSid) {
    Instant now = Time.now();
    return live(accountSid, now)
        .invoke(
            secrets ->
                secrets.stream()
                    .filter(s -> s.expiresAt == null)
                    .forEach(s -> s.expiresAt = now.plus(ROTATION_OVERLAP)))
        .chain(() -> add(accountSid));
  }

  /** The secrets that sign now, newest first, opened. */
  public Uni<List<String>> signing(String accountSid) {
    return live(accountSid, Time.now())
        .map(secrets -> secrets.stream().map(s -> box.open(s.secret)).toList());
  }

  private Uni<List<WebhookSecretEntity>> live(String accountSid, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "from WebhookSecretEntity where accountSid = ?1"
                            + " and (expiresAt is null or expiresAt > ?2) order by createdAt desc",
                        WebhookSecretEntity.class)
                    .setParameter(1, accountSid)
                    .setParameter(2, now)
                    .getResultList());
  }

  private Uni<String> add(String accountSid) {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(raw);
    WebhookSecretEntity entity = new WebhookSecretEntity();
    entity.id = ResourceType.newUuid();
    entity.accountSid = accountSid;
    entity.secret = box.seal(secret);
    entity.createdAt = Time.now();
    return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(secret);
  }
}
