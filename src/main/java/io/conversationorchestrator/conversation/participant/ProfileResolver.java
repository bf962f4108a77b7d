package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.api.ResourceType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Finds the customer profile that owns any of a participant's addresses in a memory store, or
 * creates one. The primary key of profile_address makes concurrent creations for one new address
 * converge: the loser's insert waits for the winner, finds the address taken, and adopts the
 * winner's profile. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ProfileResolver {
  private static final String FIND =
      "select cast(profile_id as text) from profile_address"
          + " where account_sid = :account and memory_store_id = :store and address in (:addresses)"
          + " order by address limit 1";
  private static final String CREATE =
      "insert into profile (id, account_sid, memory_store_id, created_at) values (?1, ?2, ?3, now())";
  private static final String LINK =
      "insert into profile_address (account_sid, memory_store_id, address, profile_id)"
          + " values (?1, ?2, ?3, ?4) on conflict do nothing";
  private static final String DISCARD = "delete from profile where id = ?1";
  private static final String EXISTS =
      "select count(*) from profile where id = ?1 and account_sid = ?2 and memory_store_id = ?3";

  public Uni<UUID> resolve(String accountSid, String memoryStoreId, List<Address> addresses) {
    List<String> keys =
        addresses.stream().map(AddressRules::normalize).distinct().sorted().toList();
    return find(accountSid, memoryStoreId, keys)
        .chain(
            found ->
                found != null
                    ? link(accountSid, memoryStoreId, keys, found).replaceWith(found)
                    : create(accountSid, memoryStoreId, keys));
  }

  /** True when the profile belongs to this account and memory store. */
  public Uni<Boolean> exists(String accountSid, String memoryStoreId, UUID profile) {
    return session()
        .chain(
            s ->
                s.createNativeQuery(EXISTS, Long.class)
                    .setParameter(1, profile)
                    .setParameter(2, accountSid)
                    .setParameter(3, memoryStoreId)
                    .getSingleResult())
        .map(count -> count > 0);
  }

  private Uni<UUID> create(String accountSid, String memoryStoreId, List<String> keys) {
    UUID id = ResourceType.newUuid();
    return session()
        .chain(
            s ->
                s.createNativeQuery(CREATE)
                    .setParameter(1, id)
                    .setParameter(2, accountSid)
                    .setParameter(3, memoryStoreId)
                    .executeUpdate())
        .chain(() -> link(accountSid, memoryStoreId, keys, id))
        .chain(
            linkedAll ->
                linkedAll
                    ? Uni.createFrom().item(id)
                    : adoptWinner(accountSid, memoryStoreId, keys, id));
  }

  /** Another transaction created a profile for one of these addresses first: use that one. */
  private Uni<UUID> adoptWinner(String accountSid, String store, List<String> keys, UUID ours) {
    return session()
        .chain(s -> s.createNativeQuery(DISCARD).setParameter(1, ours).executeUpdate())
        .chain(() -> find(accountSid, store, keys))
        .call(winner -> link(accountSid, store, keys, winner));
  }

  /** Links every address to the profile; true when none belonged to another profile already. */
  private Uni<Boolean> link(String accountSid, String store, List<String> keys, UUID profile) {
    return Multi.createFrom()
        .iterable(keys)
        .onItem()
        .transformToUniAndConcatenate(
            key ->
                session()
                    .chain(
                        s ->
                            s.createNativeQuery(LINK)
                                .setParameter(1, accountSid)
                                .setParameter(2, store)
                                .setParameter(3, key)
                                .setParameter(4, profile)
                                .executeUpdate()))
        .collect()
        .asList()
        .map(counts -> counts.stream().allMatch(c -> c == 1));
  }

  private Uni<UUID> find(String accountSid, String store, List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    return session()
        .chain(
            s ->
                s.createNativeQuery(FIND, String.class)
                    .setParameter("account", accountSid)
                    .setParameter("store", store)
                    .setParameter("addresses", keys)
                    .getResultList())
        .map(rows -> rows.isEmpty() ? null : UUID.fromString(rows.get(0)));
  }

  private static Uni<Mutiny.Session> session() {
    return Panache.getSession();
  }
}
