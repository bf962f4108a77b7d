package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Conversation rows, read and written with the reactive SQL client: every method takes the
 * transaction's {@link SqlConnection} first.
 */
@ApplicationScoped
public class ConversationRepository {
  private static final String SELECT = "select " + ConversationRows.COLUMNS + " from conversation";
  private static final String OWNED = SELECT + " where id = $1 and account_sid = $2";
  private static final String OWNED_FOR_UPDATE = OWNED + " for update";
  private static final String LOCK_KEY =
      "select pg_advisory_xact_lock(hashtextextended($1, 0))::text";
  private static final String OPEN_BY_CONFIGURATION_KEY =
      SELECT
          + " where configuration_id = $1 and grouping_key = $2 and status <> 'CLOSED'"
          + " limit 1 for update";
  private static final String OPEN_BY_INLINE_KEY =
      SELECT
          + " where account_sid = $1 and grouping_scope = $2 and grouping_key = $3"
          + " and status <> 'CLOSED' limit 1 for update";
  private static final String CLOSED_BY_CONFIGURATION_KEY =
      "select id from conversation where status = 'CLOSED' and grouping_key = $1"
          + " and closed_at >= $2 and configuration_id = $3"
          + " order by closed_at desc, id desc limit 1";
  private static final String CLOSED_BY_INLINE_KEY =
      "select id from conversation where status = 'CLOSED' and grouping_key = $1"
          + " and closed_at >= $2 and account_sid = $3 and grouping_scope = $4"
          + " order by closed_at desc, id desc limit 1";
  private static final String INSERT =
      "insert into conversation (id, account_sid, configuration_id, status, name, metadata,"
          + " configuration, channel_activity, grouping_scope, grouping_key,"
          + " previous_conversation_id, last_activity_at, inactive_at, closes_at,"
          + " next_transition_at, snoozed_until, wake_on_activity, close_warning_at,"
          + " close_warned_for, last_customer_activity_at, last_agent_activity_at, sla_kind,"
          + " sla_communication_id, sla_since, sla_due_at, sla_breached, created_at, updated_at)"
          + " values ($1, $2, $3, $4, $5, cast($6::text as jsonb), cast($7::text as jsonb),"
          + " cast($8::text as jsonb), $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,"
          + " $21, $22, $23, $24, $25, $26, $27, $28)";
  // What a change through the API or activity can move; ids, grouping and creation stay.
  private static final String UPDATE =
      "update conversation set status = $2, name = $3, metadata = cast($4::text as jsonb),"
          + " configuration = cast($5::text as jsonb), channel_activity = cast($6::text as jsonb),"
          + " last_activity_at = $7, inactive_at = $8, closes_at = $9, next_transition_at = $10,"
          + " snoozed_until = $11, wake_on_activity = $12, close_warning_at = $13,"
          + " close_warned_for = $14, last_customer_activity_at = $15,"
          + " last_agent_activity_at = $16, sla_kind = $17, sla_communication_id = $18,"
          + " sla_since = $19, sla_due_at = $20, sla_breached = $21, updated_at = $22"
          + " where id = $1";
  private static final String DELETE = "delete from conversation where id = $1";
  private static final String COUNT_BY_STATUS =
      "select status, count(*) as n from conversation where account_sid = $1 group by status";

  private final ConversationRows rows;
  private final ObjectMapper json;

  public ConversationRepository(ConversationRows rows, ObjectMapper json) {
    this.rows = rows;
    this.json = json;
  }

  /** The account's conversation, or null. */
  public Uni<Conversation> findOwned(SqlConnection c, String accountSid, UUID id) {
    return c.preparedQuery(OWNED)
        .execute(Tuple.of(id, accountSid))
        .map(found -> SqlValues.first(found, rows::of));
  }

  /**
   * Row-locked read. Every transaction that writes events about a conversation takes this lock
   * first, so the outbox order of one conversation's events is their commit order.
   */
  public Uni<Conversation> findOwnedForUpdate(SqlConnection c, String accountSid, UUID id) {
    return c.preparedQuery(OWNED_FOR_UPDATE)
        .execute(Tuple.of(id, accountSid))
        .map(found -> SqlValues.first(found, rows::of));
  }

  /**
   * Serialises, until the transaction ends, everyone about to look up or open the conversation of
   * one grouping key: the second waits, then finds what the first committed. (The unique indexes on
   * open grouping keys stay the backstop.)
   */
  public Uni<Void> lockGroupingKey(SqlConnection c, GroupingScope scope, String groupingKey) {
    return c.preparedQuery(LOCK_KEY)
        .execute(Tuple.of(scope.lockName(groupingKey)))
        .replaceWithVoid();
  }

  /** The open conversation of a grouping key in its scope, row-locked, or null. */
  public Uni<Conversation> findOpenByKeyForUpdate(
      SqlConnection c, GroupingScope scope, String groupingKey) {
    var found =
        scope.configurationId() != null
            ? c.preparedQuery(OPEN_BY_CONFIGURATION_KEY)
                .execute(Tuple.of(scope.configurationId(), groupingKey))
            : c.preparedQuery(OPEN_BY_INLINE_KEY)
                .execute(Tuple.of(scope.accountSid(), scope.inline(), groupingKey));
    return found.map(open -> SqlValues.first(open, rows::of));
  }

  /**
   * The latest CLOSED conversation of a grouping key in its scope, closed at or after {@code
   * since}, or null. {@code closed_at} is written by the database when a conversation closes (V9).
   */
  public Uni<UUID> findLatestClosedSince(
      SqlConnection c, GroupingScope scope, String groupingKey, Instant since) {
    var found =
        scope.configurationId() != null
            ? c.preparedQuery(CLOSED_BY_CONFIGURATION_KEY)
                .execute(Tuple.of(groupingKey, SqlValues.at(since), scope.configurationId()))
            : c.preparedQuery(CLOSED_BY_INLINE_KEY)
                .execute(
                    Tuple.of(groupingKey, SqlValues.at(since), scope.accountSid(), scope.inline()));
    return found.map(closed -> SqlValues.first(closed, row -> row.getUUID("id")));
  }

  /** Inserts a new conversation, complete (its grouping key included). */
  public Uni<Void> insert(SqlConnection c, Conversation e) {
    Object[] values = {
      e.id,
      e.accountSid,
      e.configurationId,
      e.status.name(),
      e.name,
      SqlValues.json(json, e.metadata),
      SqlValues.json(json, e.configuration),
      SqlValues.json(json, e.channelActivity),
      e.groupingScope,
      e.groupingKey,
      e.previousConversationId,
      SqlValues.at(e.lastActivityAt),
      SqlValues.at(e.inactiveAt),
      SqlValues.at(e.closesAt),
      SqlValues.at(e.nextTransitionAt),
      SqlValues.at(e.snoozedUntil),
      e.wakeOnActivity,
      SqlValues.at(e.closeWarningAt),
      SqlValues.at(e.closeWarnedFor),
      SqlValues.at(e.lastCustomerActivityAt),
      SqlValues.at(e.lastAgentActivityAt),
      e.slaKind,
      e.slaCommunicationId,
      SqlValues.at(e.slaSince),
      SqlValues.at(e.slaDueAt),
      e.slaBreached,
      SqlValues.at(e.createdAt),
      SqlValues.at(e.updatedAt)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWithVoid();
  }

  /** Writes what a change can move (see {@link #UPDATE}) of a conversation read for update. */
  public Uni<Void> update(SqlConnection c, Conversation e) {
    Object[] values = {
      e.id,
      e.status.name(),
      e.name,
      SqlValues.json(json, e.metadata),
      SqlValues.json(json, e.configuration),
      SqlValues.json(json, e.channelActivity),
      SqlValues.at(e.lastActivityAt),
      SqlValues.at(e.inactiveAt),
      SqlValues.at(e.closesAt),
      SqlValues.at(e.nextTransitionAt),
      SqlValues.at(e.snoozedUntil),
      e.wakeOnActivity,
      SqlValues.at(e.closeWarningAt),
      SqlValues.at(e.closeWarnedFor),
      SqlValues.at(e.lastCustomerActivityAt),
      SqlValues.at(e.lastAgentActivityAt),
      e.slaKind,
      e.slaCommunicationId,
      SqlValues.at(e.slaSince),
      SqlValues.at(e.slaDueAt),
      e.slaBreached,
      SqlValues.at(e.updatedAt)
    };
    return c.preparedQuery(UPDATE).execute(Tuple.from(values)).replaceWithVoid();
  }

  /** Deletes a conversation (its participants and communications go with it: cascade). */
  public Uni<Void> delete(SqlConnection c, UUID id) {
    return c.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
  }

  /** How many conversations the account has in each status. */
  public Uni<Map<String, Long>> countByStatus(SqlConnection c, String accountSid) {
    return c.preparedQuery(COUNT_BY_STATUS)
        .execute(Tuple.of(accountSid))
        .map(
            found -> {
              Map<String, Long> counts = new HashMap<>();
              found.forEach(r -> counts.put(r.getString("status"), r.getLong("n")));
              return counts;
            });
  }

  /**
   * Newest first; filters: {@code status} (any of), {@code channelId} (communications, addresses),
   * and the console's {@code channel} (activity or an address on it), {@code configurationId},
   * {@code createdFrom}/{@code createdTo} (ISO instants, inclusive/exclusive) and {@code name}
   * (contains, any case).
   */
  public Uni<List<Conversation>> page(SqlConnection c, String accountSid, PageQuery query) {
    Params params = new Params();
    StringBuilder sql =
        new StringBuilder(
            "select " + ConversationRows.COLUMNS + " from conversation c where c.account_sid = ");
    String account = params.add(accountSid);
    sql.append(account);
    List<String> statuses = query.filterValues("status");
    if (!statuses.isEmpty()) {
      sql.append(" and c.status = any(")
          .append(params.add(statuses.toArray(String[]::new)))
          .append("::text[])");
    }
    String channelId = query.filter("channelId");
    if (channelId != null) {
      String contact = "{\"addresses\":[{\"channelId\":" + jsonString(channelId) + "}]}";
      sql.append(" and (c.id in (select m.conversation_id from communication m")
          .append(" where m.account_sid = ")
          .append(account)
          .append(" and m.channel_id = ")
          .append(params.add(channelId))
          .append(") or c.id in (select p.conversation_id from participant p")
          .append(" where p.contact @> cast(")
          .append(params.add(contact))
          .append("::text as jsonb)))");
    }
    consoleFilters(query, sql, params, account);
    if (query.boundary() != null) {
      sql.append(query.backward() ? " and c.id > " : " and c.id < ")
          .append(params.add(query.boundaryId()));
    }
    sql.append(query.backward() ? " order by c.id asc" : " order by c.id desc");
    sql.append(" limit ").append(query.fetchSize());
    return c.preparedQuery(sql.toString())
        .execute(Tuple.wrap(params.values))
        .map(found -> SqlValues.all(found, rows::of));
  }

  private static void consoleFilters(
      PageQuery query, StringBuilder sql, Params params, String account) {
    String channel = query.filter("channel");
    if (channel != null) {
      String contact = "{\"addresses\":[{\"channel\":" + jsonString(channel) + "}]}";
      sql.append(" and (jsonb_exists(c.channel_activity, ")
          .append(params.add(channel))
          .append(") or c.id in (select p.conversation_id from participant p")
          .append(" where p.account_sid = ")
          .append(account)
          .append(" and p.contact @> cast(")
          .append(params.add(contact))
          .append("::text as jsonb)))");
    }
    String configuration = query.filter("configurationId");
    if (configuration != null) {
      sql.append(" and c.configuration_id = ").append(params.add(UUID.fromString(configuration)));
    }
    String from = query.filter("createdFrom");
    if (from != null) {
      sql.append(" and c.created_at >= ").append(params.add(SqlValues.at(Instant.parse(from))));
    }
    String to = query.filter("createdTo");
    if (to != null) {
      sql.append(" and c.created_at < ").append(params.add(SqlValues.at(Instant.parse(to))));
    }
    String name = query.filter("name");
    if (name != null) {
      sql.append(" and c.name ilike ")
          .append(params.add("%" + name.replaceAll("([\\\\%_])", "\\\\$1") + "%"))
          .append(" escape '\\'");
    }
  }

  /** The parameters of a statement built clause by clause. */
  private static final class Params {
    private final List<Object> values = new ArrayList<>();

    /** Binds a value; answers its placeholder. */
    String add(Object value) {
      values.add(value);
      return "$" + values.size();
    }
  }

  private static String jsonString(String value) {
    return Json.encode(value);
  }
}
