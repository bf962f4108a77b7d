package io.conversationorchestrator.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * For statements whose best plan depends on how big a table is right now. The reactive client
 * prepares a statement once per connection and PostgreSQL then keeps a generic plan, made for the
 * statistics of that moment: a queue table planned while empty is read whole once a backlog builds.
 */
public final class QueryPlans {
  private static final String CUSTOM_PLANS =
      "select set_config('plan_cache_mode', 'force_custom_plan', true)";

  private QueryPlans() {}

  /** Plans every statement of the session's current transaction for the tables as they are. */
  public static Uni<Object> customForTransaction(Mutiny.Session session) {
    return session.createNativeQuery(CUSTOM_PLANS).getSingleResult();
  }

  /** The same, for the current transaction of a reactive SQL client connection. */
  public static Uni<Void> customForTransaction(SqlConnection c) {
    return c.query(CUSTOM_PLANS).execute().replaceWithVoid();
  }
}
