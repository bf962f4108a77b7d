package io.conversationorchestrator.api.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "idempotency_key")
public class IdempotencyKeyEntity {
  @EmbeddedId public Key id;
  public String fingerprint;
  public int responseStatus;
  public String responseBody;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, String> responseHeaders;

  public Instant createdAt;

  @Embeddable
  public record Key(@Column(name = "account_sid") String accountSid, @Column(name = "key") UUID key)
      implements Serializable {}
}
