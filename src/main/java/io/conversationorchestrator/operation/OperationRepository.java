package io.conversationorchestrator.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.platform.SqlValues;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class OperationRepository implements PanacheRepositoryBase<OperationEntity, UUID> {
  private static final String INSERT =
      "insert into operation (id, account_sid, status, related, error, created_at, completed_at)"
          + " values ($1, $2, $3, cast($4::text as jsonb), cast($5::text as jsonb), $6, $7)";

  private final ObjectMapper json;

  public OperationRepository(ObjectMapper json) {
    this.json = json;
  }

  /** Inserts an operation in a transaction of the reactive SQL client (data-plane changes). */
  public Uni<Void> insert(SqlConnection c, OperationEntity o) {
    Object[] values = {
      o.id,
      o.accountSid,
      o.status.name(),
      SqlValues.json(json, o.related),
      o.error == null ? null : SqlValues.json(json, o.error),
      SqlValues.at(o.createdAt),
      SqlValues.at(o.completedAt)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWithVoid();
  }

  public Uni<OperationEntity> findOwned(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid).firstResult();
  }

  public Uni<Long> deleteCreatedBefore(Instant cutoff) {
    return delete("createdAt < ?1", cutoff);
  }
}
