package io.conversationorchestrator.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, String> {

  /** A key that can still authenticate: not revoked. */
  public Uni<ApiKeyEntity> findActive(String sid) {
    return find("sid = ?1 and revokedAt is null", sid).firstResult();
  }
}
