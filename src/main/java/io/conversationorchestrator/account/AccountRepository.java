package io.conversationorchestrator.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accounts: the control plane's, through Hibernate; the data plane only asks whether one exists.
 */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<AccountEntity, String> {
  private static final String EXISTS =
      "select exists (select 1 from account where sid = $1) as found";

  /** Whether the account exists, on a connection of the reactive SQL client. */
  public Uni<Boolean> exists(SqlConnection c, String sid) {
    return c.preparedQuery(EXISTS)
        .execute(Tuple.of(sid))
        .map(rows -> rows.iterator().next().getBoolean("found"));
  }
}
