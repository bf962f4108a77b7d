package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Communication rows, read and written with the reactive SQL client. */
@ApplicationScoped
public class CommunicationRepository {
  private static final String SELECT =
      "select " + CommunicationRows.COLUMNS + " from communication";
  private static final String IN_CONVERSATION = SELECT + " where id = $1 and conversation_id = $2";
  private static final String BY_RESOURCE =
      SELECT + " where conversation_id = $1 and resource_id = $2";
  private static final String INSERT =
      "insert into communication (id, conversation_id, account_sid, channel, body, channel_id,"
          + " resource_id, occurred_at, created_at, updated_at)"
          + " values ($1, $2, $3, $4, cast($5::text as jsonb), $6, $7, $8, $9, $10)";
  // An upsert through resourceId: what a body can change, never ids nor creation.
  private static final String UPDATE =
      "update communication set channel = $2, body = cast($3::text as jsonb), channel_id = $4,"
          + " resource_id = $5, occurred_at = $6, updated_at = $7 where id = $1";

  private final CommunicationRows rows;
  private final ObjectMapper json;

  public CommunicationRepository(CommunicationRows rows, ObjectMapper json) {
    this.rows = rows;
    this.json = json;
  }

  public Uni<Communication> findInConversation(SqlConnection c, UUID conversationId, UUID id) {
    return c.preparedQuery(IN_CONVERSATION)
        .execute(Tuple.of(id, conversationId))
        .map(found -> SqlValues.first(found, rows::of));
  }

  public Uni<Communication> findByResourceId(
      SqlConnection c, UUID conversationId, String resourceId) {
    return c.preparedQuery(BY_RESOURCE)
        .execute(Tuple.of(conversationId, resourceId))
        .map(found -> SqlValues.first(found, rows::of));
  }

  /** In the order things happened: occurredAt, then id; keyset-paged on both. */
  public Uni<List<Communication>> page(SqlConnection c, UUID conversationId, PageQuery query) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where conversation_id = $1");
    Tuple params = Tuple.of(conversationId);
    String channelId = query.filter("channelId");
    if (channelId != null) {
      params.addValue(channelId);
      sql.append(" and channel_id = $").append(params.size());
    }
    if (query.boundary() != null) {
      String[] boundary = splitBoundary(query.boundary());
      String op = query.backward() ? " < " : " > ";
      params.addValue(SqlValues.at(Instant.parse(boundary[0])));
      String at = "$" + params.size();
      params.addValue(UUID.fromString(boundary[1]));
      String id = "$" + params.size();
      sql.append(" and (occurred_at")
          .append(op)
          .append(at)
          .append(" or (occurred_at = ")
          .append(at)
          .append(" and id")
          .append(op)
          .append(id)
          .append("))");
    }
    String direction = query.backward() ? " desc" : " asc";
    sql.append(" order by occurred_at").append(direction).append(", id").append(direction);
    sql.append(" limit ").append(query.fetchSize());
    return c.preparedQuery(sql.toString())
        .execute(params)
        .map(found -> SqlValues.all(found, rows::of));
  }

  public Uni<Void> insert(SqlConnection c, Communication e) {
    Object[] values = {
      e.id,
      e.conversationId,
      e.accountSid,
      e.channel.name(),
      SqlValues.json(json, e.body),
      e.channelId,
      e.resourceId,
      SqlValues.at(e.occurredAt),
      SqlValues.at(e.createdAt),
      SqlValues.at(e.updatedAt)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(values)).replaceWithVoid();
  }

  public Uni<Void> update(SqlConnection c, Communication e) {
    Object[] values = {
      e.id,
      e.channel.name(),
      SqlValues.json(json, e.body),
      e.channelId,
      e.resourceId,
      SqlValues.at(e.occurredAt),
      SqlValues.at(e.updatedAt)
    };
    return c.preparedQuery(UPDATE).execute(Tuple.from(values)).replaceWithVoid();
  }

  static String boundaryOf(Communication e) {
    return e.occurredAt + "|" + e.id;
  }

  private static String[] splitBoundary(String boundary) {
    String[] parts = boundary.split("\\|");
    try {
      if (parts.length == 2) {
        Instant.parse(parts[0]);
        UUID.fromString(parts[1]);
        return parts;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw ApiException.invalid("Invalid value for 'pageToken': not a token this service issued");
  }
}
