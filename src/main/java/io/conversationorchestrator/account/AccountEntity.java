package io.conversationorchestrator.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "account")
public class AccountEntity {
  @Id public String sid;
  public String authTokenHash;

  /** The auth token sealed by {@link SecretBox}: callbacks are signed with it. */
  public String authTokenSealed;

  public String friendlyName;
  public Instant createdAt;
}
