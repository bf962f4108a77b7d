package io.conversationorchestrator.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Action rows, on the reactive SQL client (the transaction's {@link SqlConnection} first). The
 * documents are written and read with the application's {@link ObjectMapper} (read leniently: the
 * service wrote them).
 */
@ApplicationScoped
public class ActionRepository {
  /** The columns {@link #of} reads, named so a column a rollout adds changes nothing. */
  static final String COLUMNS =
      "id, account_sid, conversation_id, type, status, cast(request as text) as request,"
          + " cast(related as text) as related, failure_reason, expires_at, created_at,"
          + " updated_at, completed_at";

  private static final String SELECT = "select " + COLUMNS + " from action";
  private static final String IN_CONVERSATION = SELECT + " where id = $1 and conversation_id = $2";
  private static final String INSERT =
      "insert into action (id, account_sid, conversation_id, type, status, request, related,"
          + " failure_reason, expires_at, created_at, updated_at, completed_at)"
          + " values ($1, $2, $3, $4, $5, cast($6::text as jsonb), cast($7::text as jsonb), $8,"
          + " $9, $10, $11, $12)";
  // Conversations of the oldest due actions, locked as every writer of their events locks them;
  // a conversation another transaction holds is skipped (a result being applied, a replica).
  private static final String LOCK_DUE_CONVERSATIONS =
      "select c.id from conversation c where c.id in (select a.conversation_id"
          + " from action a where a.status = 'PENDING' and a.expires_at <= now()"
          + " order by a.expires_at limit $1::int) for update skip locked";
  private static final String DUE_IN =
      SELECT
          + " where conversation_id = any($1::uuid[]) and status = 'PENDING'"
          + " and expires_at <= now() order by expires_at limit $2::int";
  // An action ends once: what ending changes, one array per column whatever the batch size.
  private static final String END =
      "update action a set status = v.status, failure_reason = v.failure_reason,"
          + " related = cast(v.related as jsonb), updated_at = v.updated_at,"
          + " completed_at = v.completed_at"
          + " from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],"
          + " $6::timestamptz[]) as v (id, status, failure_reason, related, updated_at,"
          + " completed_at) where a.id = v.id";

  private final ObjectMapper json;
  private final ObjectReader request;
  private final ObjectReader related;

  public ActionRepository(ObjectMapper json) {
    this.json = json;
    this.request = StrictJson.lenient(json, SendMessageCommand.class);
    this.related = StrictJson.lenient(json, ActionRelated.class);
  }

  /** The action of this conversation, or null. */
  public Uni<Action> findInConversation(SqlConnection c, UUID conversationId, UUID id) {
    return c.preparedQuery(IN_CONVERSATION)
        .execute(Tuple.of(id, conversationId))
        .map(found -> SqlValues.first(found, this::of));
  }

  /** Oldest first (creation order), keyset-paged on the time-ordered id. */
  public Uni<List<Action>> page(SqlConnection c, UUID conversationId, PageQuery query) {
    String sql = SELECT + " where conversation_id = $1";
    Tuple params = Tuple.of(conversationId);
    if (query.boundary() != null) {
      sql += query.backward() ? " and id < $2" : " and id > $2";
      params.addValue(query.boundaryId());
    }
    sql += query.backward() ? " order by id desc" : " order by id asc";
    return c.preparedQuery(sql + " limit " + query.fetchSize())
        .execute(params)
        .map(found -> SqlValues.all(found, this::of));
  }

  public Uni<Void> insert(SqlConnection c, Action a) {
    Object[] values = {
      a.id,
      a.accountSid,
      a.conversationId,
      a.type.name(),
      a.status.name(),
      SqlValues.json(json, a.request),
      SqlValues.json(json, a.related),
      a.failureReason,
      SqlValues.at(a.expiresAt),
      SqlValues.at(a.createdAt),
      SqlValues.at(a.updatedAt),
      SqlValues.at(a.completedAt)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWithVoid();
  }

  /**
   * Locks, {@code FOR UPDATE SKIP LOCKED}, the conversations of up to {@code limit} of the oldest
   * PENDING actions past their deadline (found on the partial expiry index); answers their ids.
   */
  public Uni<List<UUID>> lockDueConversations(SqlConnection c, int limit) {
    return c.preparedQuery(LOCK_DUE_CONVERSATIONS)
        .execute(Tuple.of(limit))
        .map(found -> SqlValues.all(found, row -> row.getUUID("id")));
  }

  /**
   * Up to {@code limit} PENDING actions past their deadline in these conversations, oldest first.
   */
  public Uni<List<Action>> dueIn(SqlConnection c, List<UUID> conversations, int limit) {
    return c.preparedQuery(DUE_IN)
        .execute(Tuple.of(conversations.toArray(UUID[]::new), limit))
        .map(found -> SqlValues.all(found, this::of));
  }

  /** Writes what ending changes of these actions, with one statement. */
  public Uni<Void> end(SqlConnection c, List<Action> ended) {
    if (ended.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Object[] columns = {
      column(ended, a -> a.id, UUID[]::new),
      column(ended, a -> a.status.name(), String[]::new),
      column(ended, a -> a.failureReason, String[]::new),
      column(ended, a -> SqlValues.json(json, a.related), String[]::new),
      column(ended, a -> SqlValues.at(a.updatedAt), OffsetDateTime[]::new),
      column(ended, a -> SqlValues.at(a.completedAt), OffsetDateTime[]::new)
    };
    return c.preparedQuery(END).execute(Tuple.from(columns)).replaceWithVoid();
  }

  /** A row of {@link #COLUMNS}. */
  Action of(Row row) {
    Action a = new Action();
    a.id = row.getUUID("id");
    a.accountSid = row.getString("account_sid");
    a.conversationId = row.getUUID("conversation_id");
    a.type = ActionType.valueOf(row.getString("type"));
    a.status = ActionStatus.valueOf(row.getString("status"));
    a.request = SqlValues.read(request, row.getString("request"));
    a.related = SqlValues.read(related, row.getString("related"));
    a.failureReason = row.getString("failure_reason");
    a.expiresAt = SqlValues.instant(row, "expires_at");
    a.createdAt = SqlValues.instant(row, "created_at");
    a.updatedAt = SqlValues.instant(row, "updated_at");
    a.completedAt = SqlValues.instant(row, "completed_at");
    return a;
  }

  private static <T> T[] column(
      List<Action> rows, Function<Action, T> value, IntFunction<T[]> array) {
    return rows.stream().map(value).toArray(array);
  }
}
