package io.conversationorchestrator.operation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OperationRepository implements PanacheRepositoryBase<OperationEntity, UUID> {

  public Uni<OperationEntity> findOwned(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid).firstResult();
  }

  public Uni<Long> deleteCreatedBefore(Instant cutoff) {
    return delete("createdAt < ?1", cutoff);
  }
}
