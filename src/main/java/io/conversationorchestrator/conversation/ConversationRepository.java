package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.paging.PageQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<ConversationEntity, UUID> {
  private static final String LATEST_CLOSED =
      "select cast(id as text) from conversation where status = 'CLOSED'"
          + " and grouping_key = :key and closed_at >= :since and";
  private static final String LATEST_CLOSED_ORDER = " order by closed_at desc, id desc limit 1";

  public Uni<ConversationEntity> findOwned(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid).firstResult();
  }

  /**
   * Row-locked read. Every transaction that writes events about a conversation takes this lock
   * first, so the outbox order of one conversation's events is their commit order.
   */
  public Uni<ConversationEntity> findOwnedForUpdate(String accountSid, UUID id) {
    return find("id = ?1 and accountSid = ?2", id, accountSid)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /**
   * Serialises, until the transaction ends, everyone about to look up or open the conversation of
   * one grouping key: the second waits, then finds what the first committed. (The unique indexes on
   * open grouping keys stay the backstop.)
   */
  public Uni<Void> lockGroupingKey(GroupingScope scope, String groupingKey) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)",
                        String.class)
                    .setParameter("key", scope.lockName(groupingKey))
                    .getSingleResult())
        .replaceWithVoid();
  }

  /** The open conversation of a grouping key in its scope, row-locked, or null. */
  public Uni<ConversationEntity> findOpenByKeyForUpdate(GroupingScope scope, String groupingKey) {
    var query =
        scope.configurationId() != null
            ? find(
                "configurationId = ?1 and groupingKey = ?2 and status <> 'CLOSED'",
                scope.configurationId(),
                groupingKey)
            : find(
                "accountSid = ?1 and groupingScope = ?2 and groupingKey = ?3"
                    + " and status <> 'CLOSED'",
                scope.accountSid(),
                scope.inline(),
                groupingKey);
    return query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
  }

  /**
   * The latest CLOSED conversation of a grouping key in its scope, closed at or after {@code
   * since}, or null. {@code closed_at} is written by the database when a conversation closes (V9).
   */
  public Uni<UUID> findLatestClosedSince(GroupingScope scope, String groupingKey, Instant since) {
    String sql =
        scope.configurationId() != null
            ? LATEST_CLOSED + " configuration_id = :scope"
            : LATEST_CLOSED + " account_sid = :account and grouping_scope = :scope";
    return Panache.getSession()
        .chain(
            s -> {
              var query =
                  s.createNativeQuery(sql + LATEST_CLOSED_ORDER, String.class)
                      .setParameter("key", groupingKey)
                      .setParameter("since", since);
              if (scope.configurationId() != null) {
                query.setParameter("scope", scope.configurationId());
              } else {
                query
                    .setParameter("account", scope.accountSid())
                    .setParameter("scope", scope.inline());
              }
              return query.getResultList();
            })
        .map(ids -> ids.isEmpty() ? null : UUID.fromString(ids.get(0)));
  }

  /**
   * Newest first; filters: {@code status} (any of), {@code channelId} (communications, addresses),
   * and the console's {@code channel} (activity or an address on it), {@code configurationId},
   * {@code createdFrom}/{@code createdTo} (ISO instants, inclusive/exclusive) and {@code name}
   * (contains, any case).
   */
  public Uni<List<ConversationEntity>> page(String accountSid, PageQuery query) {
    StringBuilder sql =
        new StringBuilder("select * from conversation c where c.account_sid = :account");
    Map<String, Object> params = new HashMap<>();
    params.put("account", accountSid);
    List<String> statuses = query.filterValues("status");
    if (!statuses.isEmpty()) {
      sql.append(" and c.status in (:statuses)");
      params.put("statuses", statuses);
    }
    String channelId = query.filter("channelId");
    if (channelId != null) {
      sql.append(" and (c.id in (select m.conversation_id from communication m")
          .append(" where m.account_sid = :account and m.channel_id = :channelId)")
          .append(" or c.id in (select p.conversation_id from participant p")
          .append(" where p.contact @> cast(:contact as jsonb)))");
      params.put("channelId", channelId);
      params.put("contact", "{\"addresses\":[{\"channelId\":" + jsonString(channelId) + "}]}");
    }
    consoleFilters(query, sql, params);
    if (query.boundary() != null) {
      sql.append(query.backward() ? " and c.id > :boundary" : " and c.id < :boundary");
      params.put("boundary", query.boundaryId());
    }
    sql.append(query.backward() ? " order by c.id asc" : " order by c.id desc");
    sql.append(" limit ").append(query.fetchSize());
    return Panache.getSession()
        .chain(
            s -> {
              var nativeQuery = s.createNativeQuery(sql.toString(), ConversationEntity.class);
              params.forEach(nativeQuery::setParameter);
              return nativeQuery.getResultList();
            });
  }

  private static void consoleFilters(
      PageQuery query, StringBuilder sql, Map<String, Object> params) {
    String channel = query.filter("channel");
    if (channel != null) {
      sql.append(" and (jsonb_exists(c.channel_activity, :channel)")
          .append(" or c.id in (select p.conversation_id from participant p")
          .append(
              " where p.account_sid = :account and p.contact @> cast(:channelContact as jsonb)))");
      params.put("channel", channel);
      params.put("channelContact", "{\"addresses\":[{\"channel\":" + jsonString(channel) + "}]}");
    }
    String configuration = query.filter("configurationId");
    if (configuration != null) {
      sql.append(" and c.configuration_id = :configuration");
      params.put("configuration", UUID.fromString(configuration));
    }
    String from = query.filter("createdFrom");
    if (from != null) {
      sql.append(" and c.created_at >= :createdFrom");
      params.put("createdFrom", Instant.parse(from));
    }
    String to = query.filter("createdTo");
    if (to != null) {
      sql.append(" and c.created_at < :createdTo");
      params.put("createdTo", Instant.parse(to));
    }
    String name = query.filter("name");
    if (name != null) {
      sql.append(" and c.name ilike :name escape '\\'");
      params.put("name", "%" + name.replaceAll("([\\\\%_])", "\\\\$1") + "%");
    }
  }

  /** How many conversations the account has in each status. */
  public Uni<Map<String, Long>> countByStatus(String accountSid) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select status, count(*) from conversation where account_sid = :account"
                            + " group by status",
                        Object[].class)
                    .setParameter("account", accountSid)
                    .getResultList())
        .map(
            rows -> {
              Map<String, Long> counts = new HashMap<>();
              rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
              return counts;
            });
  }

  private static String jsonString(String value) {
    return Json.encode(value);
  }
}
