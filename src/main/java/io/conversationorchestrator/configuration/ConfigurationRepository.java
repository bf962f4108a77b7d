package io.conversationorchestrator.configuration;

import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConfigurationRepository implements PanacheRepositoryBase<ConfigurationEntity, UUID> {

  public Uni<ConfigurationEntity> findOwned(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid).firstResult();
  }

  /** Row-locked read: concurrent writers of one configuration take turns (no lost updates). */
  public Uni<ConfigurationEntity> findOwnedForUpdate(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /**
   * Share-locked read for creating a conversation under the configuration: edits may wait a moment,
   * and a concurrent delete cannot slip between the check and the insert.
   */
  public Uni<ConfigurationEntity> findOwnedForShare(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid)
        .withLock(LockModeType.PESSIMISTIC_READ)
        .firstResult();
  }

  public Uni<ConfigurationEntity> findByV1Bridge(String accountSid, String serviceId) {
    return find("accountSid = ?1 and v1BridgeServiceId = ?2", accountSid, serviceId).firstResult();
  }

  /** Newest first, keyset-paged on the time-ordered id. */
  public Uni<List<ConfigurationEntity>> page(String accountSid, PageQuery query) {
    StringBuilder where = new StringBuilder("accountSid = :account");
    Parameters params = Parameters.with("account", accountSid);
    String memoryStoreId = query.filter("memoryStoreId");
    if (memoryStoreId != null) {
      where.append(" and memoryStoreId = :store");
      params.and("store", memoryStoreId);
    }
    if (query.boundary() != null) {
      where.append(query.backward() ? " and id > :boundary" : " and id < :boundary");
      params.and("boundary", query.boundaryId());
    }
    String order = query.backward() ? " order by id asc" : " order by id desc";
    return find(where + order, params).range(0, query.fetchSize() - 1).list();
  }
}
