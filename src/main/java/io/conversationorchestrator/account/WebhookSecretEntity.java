package io.conversationorchestrator.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Standard Webhooks signing secret of an account, sealed at rest. */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecretEntity {
  @Id public UUID id;
  public String accountSid;
  public String secret;
  public Instant createdAt;
  public Instant expiresAt;
}
