package io.conversationorchestrator.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * This replica's share of the outbox shards. Each relaying replica renews a membership row and its
 * shard leases every third of the lease time; the live members (seen within the lease time) share
 * the shards, each taking at most {@code ceil(shards / live)}: a replica over its share releases
 * shards, one under it takes free or expired ones. A replica that goes away stops renewing, and its
 * shards are taken once its leases expire. Claims skip a shard whose row a relay batch holds
 * locked, and a batch checks that the shard is still its own, so a shard is published by one
 * replica at a time.
 */
@ApplicationScoped
public class OutboxShards {
  private static final Logger LOG = Logger.getLogger(OutboxShards.class);

  private static final String SHARDS =
      "insert into relay_shard (shard) select generate_series(0, $1::int - 1)"
          + " on conflict do nothing";
  // Rows written with another shard count (or before sharding): every row to its key's shard.
  private static final String RESHARD =
      "update outbox_event set shard = %1$s where shard <> %1$s".formatted(shardOfKey("$1::int"));
  private static final String SEEN =
      "insert into relay_member (id, seen_at, shards) values ($1, now(), $2::int)"
          + " on conflict (id) do update set seen_at = now(), shards = $2::int";
  private static final String LIVE =
      "select count(*), count(*) filter (where shards <> $2::int) from relay_member"
          + " where seen_at > now() - make_interval(secs => $1)";
  private static final String FORGET =
      "delete from relay_member where seen_at < now() - make_interval(secs => $1 * 10)";
  private static final String RENEW =
      "update relay_shard set expires_at = now() + make_interval(secs => $3)"
          + " where owner = $1 and shard < $2::int returning shard";
  private static final String RELEASE =
      "update relay_shard set owner = null, expires_at = '-infinity' where shard in (select shard"
          + " from relay_shard where owner = $1 and shard = any($2::int[]) for update skip locked)"
          + " returning shard";
  private static final String CLAIM =
      "update relay_shard set owner = $1, expires_at = now() + make_interval(secs => $3)"
          + " where shard in (select shard from relay_shard where shard < $2::int"
          + " and (owner is null or expires_at < now()) order by shard limit $4::int"
          + " for update skip locked) returning shard";
  private static final String LEAVE =
      "update relay_shard set owner = null, expires_at = '-infinity' where owner = $1";

  private final Pool pool;
  private final OutboxConfig config;
  private final String id = "relay-" + UUID.randomUUID();
  private volatile Set<Integer> held = Set.of();
  private volatile boolean prepared; // lease rows made and rows in their key's shard
  private volatile boolean standingAside;

  public OutboxShards(Pool pool, OutboxConfig config, MeterRegistry metrics) {
    this.pool = pool;
    this.config = config;
    Gauge.builder("orchestrator.outbox.shards.held", this, s -> s.held.size())
        .description("Outbox shards this replica relays")
        .register(metrics);
  }

  /** The shard of {@code message_key} for the shard count {@code shards} (SQL); writers use it. */
  static String shardOfKey(String shards) {
    return "cast(mod(hashtext(message_key) & 2147483647, " + shards + ") as smallint)";
  }

  /** This replica's name in relay_shard.owner and relay_member. */
  String id() {
    return id;
  }

  /** The shards this replica relays now. */
  Set<Integer> held() {
    return held;
  }

  /**
   * Renews membership and leases, then releases or claims shards towards the fair share. While a
   * live replica has another shard count, this one hands its shards back and relays nothing (one
   * conversation's rows could be in two shards); once they agree again, it first moves every outbox
   * row to its key's shard.
   */
  Uni<Void> rebalance() {
    double ttl = config.leaseTtl().toMillis() / 1000.0;
    int shards = config.shards();
    return pool.withTransaction(
            c ->
                c.preparedQuery(SEEN)
                    .execute(Tuple.of(id, shards))
                    .chain(() -> c.preparedQuery(FORGET).execute(Tuple.of(ttl)))
                    .chain(() -> c.preparedQuery(LIVE).execute(Tuple.of(ttl, shards)))
                    .map(rows -> rows.iterator().next())
                    .chain(
                        live ->
                            live.getLong(1) > 0
                                ? standAside(c, live.getLong(1))
                                : prepare(c, shards)
                                    .chain(() -> adjust(c, shards, ttl, live.getLong(0)))))
        .invoke(
            now -> {
              held = now;
              prepared = !standingAside; // committed
            })
        .replaceWithVoid();
  }

  private Uni<Set<Integer>> standAside(SqlConnection c, long disagreeing) {
    if (!standingAside) {
      LOG.errorf(
          "%d live replica(s) have another orchestrator.outbox.shards than %d: this replica relays"
              + " nothing until every replica has the same",
          disagreeing, config.shards());
    }
    standingAside = true;
    prepared = false;
    return c.preparedQuery(LEAVE).execute(Tuple.of(id)).replaceWith(Set.of());
  }

  /** Once (and again after a disagreement): a lease row per shard, every row in its key's shard. */
  private Uni<Void> prepare(SqlConnection c, int shards) {
    standingAside = false;
    if (prepared) {
      return Uni.createFrom().voidItem();
    }
    return c.preparedQuery(SHARDS)
        .execute(Tuple.of(shards))
        .chain(() -> c.preparedQuery(RESHARD).execute(Tuple.of(shards)))
        .invoke(
            moved -> {
              if (moved.rowCount() > 0) {
                LOG.infof("Moved %d outbox rows to their shard of %d", moved.rowCount(), shards);
              }
            })
        .replaceWithVoid();
  }

  private Uni<Set<Integer>> adjust(SqlConnection c, int shards, double ttl, long live) {
    int share = (int) ((shards + Math.max(live, 1) - 1) / Math.max(live, 1));
    return c.preparedQuery(RENEW)
        .execute(Tuple.of(id, shards, ttl))
        .map(OutboxShards::shardsOf)
        .chain(
            mine -> {
              if (mine.size() > share) {
                List<Integer> extra = mine.stream().skip(share).toList();
                return c.preparedQuery(RELEASE)
                    .execute(Tuple.of(id, extra.toArray(Integer[]::new)))
                    .map(released -> minus(mine, shardsOf(released)));
              }
              if (mine.size() < share) {
                return c.preparedQuery(CLAIM)
                    .execute(Tuple.of(id, shards, ttl, share - mine.size()))
                    .map(claimed -> plus(mine, shardsOf(claimed)));
              }
              return Uni.createFrom().item(mine);
            });
  }

  /** At shutdown: hand the shards back at once rather than after the lease time. */
  Uni<Void> leave() {
    held = Set.of();
    return pool.preparedQuery(LEAVE).execute(Tuple.of(id)).replaceWithVoid();
  }

  private static Set<Integer> shardsOf(RowSet<Row> rows) {
    Set<Integer> shards = new TreeSet<>();
    StreamSupport.stream(rows.spliterator(), false).forEach(r -> shards.add(r.getInteger(0)));
    return shards;
  }

  private static Set<Integer> minus(Set<Integer> a, Set<Integer> b) {
    Set<Integer> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

  private static Set<Integer> plus(Set<Integer> a, Set<Integer> b) {
    Set<Integer> result = new TreeSet<>(a);
    result.addAll(b);
    return result;
  }
}
