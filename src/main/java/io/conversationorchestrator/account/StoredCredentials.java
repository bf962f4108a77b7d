package io.conversationorchestrator.account;

import io.conversationorchestrator.platform.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stored hashes credentials are checked against, read with the reactive SQL client: every
 * request reads one when its cached verification is due again, so no Hibernate session is opened
 * for it.
 */
@ApplicationScoped
public class StoredCredentials {
  private static final String ACCOUNT =
      "select sid as account_sid, auth_token_hash as hash from account where sid = $1";
  private static final String ACTIVE_KEY =
      "select account_sid, secret_hash as hash from api_key where sid = $1 and revoked_at is null";

  private final Transactions transactions;

  public StoredCredentials(Transactions transactions) {
    this.transactions = transactions;
  }

  /** An account's token hash; null when there is no such account. */
  public Uni<StoredCredential> ofAccount(String accountSid) {
    return read(ACCOUNT, accountSid);
  }

  /** An API key's secret hash; null when there is no such key or it is revoked. */
  public Uni<StoredCredential> ofActiveKey(String keySid) {
    return read(ACTIVE_KEY, keySid);
  }

  private Uni<StoredCredential> read(String statement, String sid) {
    return transactions.reading(
        c -> c.preparedQuery(statement).execute(Tuple.of(sid)).map(StoredCredentials::first));
  }

  private static StoredCredential first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    return new StoredCredential(row.getString("account_sid"), row.getString("hash"));
  }

  /** The account a credential acts for and the hash its secret must match. */
  public record StoredCredential(String accountSid, String hash) {}
}
