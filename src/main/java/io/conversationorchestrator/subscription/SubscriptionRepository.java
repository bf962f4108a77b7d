package io.conversationorchestrator.subscription;

import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {

  public Uni<SubscriptionEntity> findOwned(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid).firstResult();
  }

  /** Row-locked read: concurrent writers of one subscription take turns (no lost updates). */
  public Uni<SubscriptionEntity> findOwnedForUpdate(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  public Uni<Long> countOf(String accountSid) {
    return count("accountSid", accountSid);
  }

  /** Oldest first, keyset-paged on the time-ordered id. */
  public Uni<List<SubscriptionEntity>> page(String accountSid, PageQuery query) {
    String where = "accountSid = :account";
    Parameters params = Parameters.with("account", accountSid);
    if (query.boundary() != null) {
      where += query.backward() ? " and id < :boundary" : " and id > :boundary";
      params.and("boundary", query.boundaryId());
    }
    String order = query.backward() ? " order by id desc" : " order by id asc";
    return find(where + order, params).range(0, query.fetchSize() - 1).list();
  }
}
