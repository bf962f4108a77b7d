package io.conversationorchestrator.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of everything stored for one account (and the account list), to show that a
 * rejected request wrote nothing: not a row added, changed or removed. The outbox is left out: the
 * relay empties it on its own; every change it could hold also changes one of these tables.
 */
public final class StoredRows {
  private static final List<String> TABLES =
      List.of(
          "api_key",
          "configuration",
          "operation",
          "idempotency_key",
          "conversation",
          "participant",
          "communication",
          "action",
          "profile",
          "profile_address",
          "webhook_secret",
          "callback_delivery",
          "subscription");

  private StoredRows() {}

  /** Table → md5 of its rows for the account; "account" → md5 of all account rows. */
  public static Map<String, String> of(Pool pool, String accountSid) {
    Map<String, String> fingerprint = new TreeMap<>();
    for (String table : TABLES) {
      fingerprint.put(
          table,
          digest(
              pool,
              "select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "
                  + table
                  + " t where account_sid = $1",
              Tuple.of(accountSid)));
    }
    fingerprint.put(
        "account",
        digest(
            pool,
            "select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from account t",
            Tuple.tuple()));
    return fingerprint;
  }

  private static String digest(Pool pool, String sql, Tuple arguments) {
    Row row =
        pool.preparedQuery(sql)
            .execute(arguments)
            .await()
            .atMost(Duration.ofSeconds(30))
            .iterator()
            .next();
    return row.getString(0);
  }
}
