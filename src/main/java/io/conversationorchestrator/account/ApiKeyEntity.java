package io.conversationorchestrator.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "api_key")
public class ApiKeyEntity {
  @Id public String sid;
  public String accountSid;
  public String secretHash;
  public String friendlyName;
  public Instant createdAt;
  public Instant revokedAt;
}
