package io.conversationorchestrator.platform;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Transactions of the reactive SQL client, the data plane's. A change runs in one transaction on
 * one connection; work that calls other work (an idempotent request around a create, ingestion
 * around an open) joins the transaction already open on its Vert.x context instead of starting a
 * second one, as Panache's {@code withTransaction} does for the control plane.
 */
@ApplicationScoped
public class Transactions {
  private static final String OPEN = Transactions.class.getName() + ".open";

  private final Pool pool;

  public Transactions(Pool pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code work} in the transaction open on this request's context, or in a new one that
   * commits when {@code work} succeeds and rolls back when it fails.
   */
  public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
    Context context = Vertx.currentContext();
    SqlConnection open = open(context);
    if (open != null) {
      return Uni.createFrom().deferred(() -> work.apply(open));
    }
    if (context == null || !VertxContext.isDuplicatedContext(context)) {
      return pool.withTransaction(work);
    }
    return pool.withTransaction(
            c -> {
              context.putLocal(OPEN, c);
              return Uni.createFrom().deferred(() -> work.apply(c));
            })
        .onTermination()
        .invoke(() -> context.removeLocal(OPEN));
  }

  /**
   * Runs reads on the open transaction's connection (they see its writes), or on any connection.
   */
  public <T> Uni<T> reading(Function<SqlConnection, Uni<T>> work) {
    SqlConnection open = open(Vertx.currentContext());
    return open != null
        ? Uni.createFrom().deferred(() -> work.apply(open))
        : pool.withConnection(work);
  }

  private static SqlConnection open(Context context) {
    return context != null && VertxContext.isDuplicatedContext(context)
        ? context.getLocal(OPEN)
        : null;
  }
}
