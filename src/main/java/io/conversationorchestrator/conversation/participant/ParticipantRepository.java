package io.conversationorchestrator.conversation.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Participant rows, read and written with the reactive SQL client: every method takes the
 * transaction's {@link SqlConnection} first.
 */
@ApplicationScoped
public class ParticipantRepository {
  private static final String SELECT = "select " + ParticipantRows.COLUMNS + " from participant";
  private static final String IN_CONVERSATION = SELECT + " where id = $1 and conversation_id = $2";
  private static final String OF_CONVERSATIONS =
      SELECT + " where conversation_id = any($1::uuid[]) order by id";
  // One statement whatever the roster's size: one array per column.
  private static final String INSERT =
      "insert into participant (id, conversation_id, account_sid, name, type, profile_id, contact,"
          + " created_at, updated_at)"
          + " select id, conversation_id, account_sid, name, type, profile_id, cast(contact as jsonb),"
          + " created_at, updated_at"
          + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[],"
          + " $7::text[], $8::timestamptz[], $9::timestamptz[])"
          + " as v (id, conversation_id, account_sid, name, type, profile_id, contact, created_at,"
          + " updated_at)";
  private static final String UPDATE =
      "update participant set name = $2, type = $3, profile_id = $4,"
          + " contact = cast($5::text as jsonb), updated_at = $6 where id = $1";
  private static final String DELETE = "delete from participant where id = $1";

  private final ParticipantRows rows;
  private final ObjectMapper json;

  public ParticipantRepository(ParticipantRows rows, ObjectMapper json) {
    this.rows = rows;
    this.json = json;
  }

  /** The participant of this conversation, or null. */
  public Uni<Participant> findInConversation(SqlConnection c, UUID conversationId, UUID id) {
    return c.preparedQuery(IN_CONVERSATION)
        .execute(Tuple.of(id, conversationId))
        .map(found -> SqlValues.first(found, rows::of));
  }

  /** Participants of many conversations in one query, in creation order. */
  public Uni<List<Participant>> listFor(SqlConnection c, Collection<UUID> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return c.preparedQuery(OF_CONVERSATIONS)
        .execute(Tuple.of(conversationIds.toArray(UUID[]::new)))
        .map(found -> SqlValues.all(found, rows::of));
  }

  /** Oldest first (creation order), keyset-paged on the time-ordered id. */
  public Uni<List<Participant>> page(SqlConnection c, UUID conversationId, PageQuery query) {
    String sql = SELECT + " where conversation_id = $1";
    Tuple params = Tuple.of(conversationId);
    if (query.boundary() != null) {
      sql += query.backward() ? " and id < $2" : " and id > $2";
      params.addValue(query.boundaryId());
    }
    sql += query.backward() ? " order by id desc" : " order by id asc";
    return c.preparedQuery(sql + " limit " + query.fetchSize())
        .execute(params)
        .map(found -> SqlValues.all(found, rows::of));
  }

  /** Inserts new participants with one statement, whatever their number. */
  public Uni<Void> insert(SqlConnection c, List<Participant> added) {
    if (added.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Object[] columns = {
      column(added, p -> p.id, UUID[]::new),
      column(added, p -> p.conversationId, UUID[]::new),
      column(added, p -> p.accountSid, String[]::new),
      column(added, p -> p.name, String[]::new),
      column(added, p -> p.type == null ? null : p.type.name(), String[]::new),
      column(added, p -> p.profileId, UUID[]::new),
      column(added, p -> SqlValues.json(json, p.contact), String[]::new),
      column(added, p -> SqlValues.at(p.createdAt), OffsetDateTime[]::new),
      column(added, p -> SqlValues.at(p.updatedAt), OffsetDateTime[]::new)
    };
    return c.preparedQuery(INSERT).execute(Tuple.from(columns)).replaceWithVoid();
  }

  /** Writes what a PUT can change of a participant. */
  public Uni<Void> update(SqlConnection c, Participant p) {
    Object[] values = {
      p.id,
      p.name,
      p.type == null ? null : p.type.name(),
      p.profileId,
      SqlValues.json(json, p.contact),
      SqlValues.at(p.updatedAt)
    };
    return c.preparedQuery(UPDATE).execute(Tuple.from(values)).replaceWithVoid();
  }

  public Uni<Void> delete(SqlConnection c, UUID id) {
    return c.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
  }

  private static <T> T[] column(
      List<Participant> added, Function<Participant, T> value, IntFunction<T[]> array) {
    return added.stream().map(value).toArray(array);
  }
}
