package io.conversationorchestrator.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog measured in the database for two gauges: how many rows wait, and how old the oldest is.
 * Its owner refreshes it every few seconds rather than on every scrape; a failed read keeps the
 * last values.
 */
public final class BacklogReading {
  private final String query;
  private final AtomicLong size = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();

  /**
   * @param query one row: the number of rows waiting, then the oldest one's age in seconds (0 when
   *     none waits)
   */
  public BacklogReading(String query) {
    this.query = query;
  }

  public AtomicLong size() {
    return size;
  }

  public AtomicLong oldestSeconds() {
    return oldestSeconds;
  }

  public Uni<Void> refresh(Pool pool) {
    return pool.query(query)
        .execute()
        .invoke(
            rows -> {
              Row row = rows.iterator().next();
              size.set(row.getLong(0));
              oldestSeconds.set(row.getLong(1));
            })
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }
}
