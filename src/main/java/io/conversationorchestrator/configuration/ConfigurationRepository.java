package io.conversationorchestrator.configuration;

import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.platform.SqlValues;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * Configuration rows: the control plane's, through Hibernate; the data plane share-locks one with
 * the reactive SQL client when it opens a conversation under it ({@link #findOwnedForShare(
 * SqlConnection, String, UUID)}).
 */
@ApplicationScoped
public class ConfigurationRepository implements PanacheRepositoryBase<ConfigurationEntity, UUID> {
  private static final String OWNED_FOR_SHARE =
      "select "
          + ConfigurationRows.COLUMNS
          + " from configuration where id = $1 and account_sid = $2 for share";

  private final ConfigurationRows rows;

  public ConfigurationRepository(ConfigurationRows rows) {
    this.rows = rows;
  }

  /**
   * {@link #findOwnedForShare(String, UUID)} in a transaction of the reactive SQL client: an
   * unmanaged entity, share-locked until that transaction ends.
   */
  public Uni<ConfigurationEntity> findOwnedForShare(SqlConnection c, String accountSid, UUID id) {
    return c.preparedQuery(OWNED_FOR_SHARE)
        .execute(Tuple.of(id, accountSid))
        .map(found -> SqlValues.first(found, rows::of));
  }

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
