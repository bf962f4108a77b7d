package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Finds the customer profile that owns any of a participant's addresses in a memory store, or
 * creates one. The primary key of profile_address makes concurrent creations for one new address
 * converge: the loser's insert waits for the winner, finds the address taken, and adopts the
 * winner's profile. Runs in the caller's transaction, on its connection.
 */
@ApplicationScoped
public class ProfileResolver {
  private static final String FIND =
      "select profile_id from profile_address"
          + " where account_sid = $1 and memory_store_id = $2 and address = any($3::text[])"
          + " order by address limit 1";
  private static final String CREATE =
      "insert into profile (id, account_sid, memory_store_id, created_at) values ($1, $2, $3, now())";
  // Every address in one statement, in sorted order (concurrent linkers lock keys alike).
  private static final String LINK =
      "insert into profile_address (account_sid, memory_store_id, address, profile_id)"
          + " select $1, $2, address, $4 from unnest($3::text[]) with ordinality as a (address, n)"
          + " order by n on conflict do nothing";
  private static final String DISCARD = "delete from profile where id = $1";
  private static final String EXISTS =
      "select exists (select 1 from profile"
          + " where id = $1 and account_sid = $2 and memory_store_id = $3) as found";

  public Uni<UUID> resolve(
      SqlConnection c, String accountSid, String memoryStoreId, List<Address> addresses) {
    List<String> keys =
        addresses.stream().map(AddressRules::normalize).distinct().sorted().toList();
    return find(c, accountSid, memoryStoreId, keys)
        .chain(
            found ->
                found != null
                    ? link(c, accountSid, memoryStoreId, keys, found).replaceWith(found)
                    : create(c, accountSid, memoryStoreId, keys));
  }

  /** True when the profile belongs to this account and memory store. */
  public Uni<Boolean> exists(SqlConnection c, String accountSid, String memoryStoreId, UUID id) {
    return c.preparedQuery(EXISTS)
        .execute(Tuple.of(id, accountSid, memoryStoreId))
        .map(rows -> rows.iterator().next().getBoolean("found"));
  }

  private Uni<UUID> create(SqlConnection c, String accountSid, String store, List<String> keys) {
    UUID id = ResourceType.newUuid();
    return c.preparedQuery(CREATE)
        .execute(Tuple.of(id, accountSid, store))
        .chain(() -> link(c, accountSid, store, keys, id))
        .chain(
            linkedAll ->
                linkedAll
                    ? Uni.createFrom().item(id)
                    : adoptWinner(c, accountSid, store, keys, id));
  }

  /** Another transaction created a profile for one of these addresses first: use that one. */
  private Uni<UUID> adoptWinner(
      SqlConnection c, String accountSid, String store, List<String> keys, UUID ours) {
    return c.preparedQuery(DISCARD)
        .execute(Tuple.of(ours))
        .chain(() -> find(c, accountSid, store, keys))
        .call(winner -> link(c, accountSid, store, keys, winner));
  }

  /** Links every address to the profile; true when none belonged to another profile already. */
  private Uni<Boolean> link(
      SqlConnection c, String accountSid, String store, List<String> keys, UUID profile) {
    if (keys.isEmpty()) {
      return Uni.createFrom().item(true);
    }
    return c.preparedQuery(LINK)
        .execute(Tuple.of(accountSid, store, keys.toArray(String[]::new), profile))
        .map(rows -> rows.rowCount() == keys.size());
  }

  private Uni<UUID> find(SqlConnection c, String accountSid, String store, List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    return c.preparedQuery(FIND)
        .execute(Tuple.of(accountSid, store, keys.toArray(String[]::new)))
        .map(rows -> SqlValues.first(rows, row -> row.getUUID("profile_id")));
  }
}
