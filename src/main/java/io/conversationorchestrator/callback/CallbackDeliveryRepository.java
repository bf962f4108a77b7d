package io.conversationorchestrator.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.api.paging.PageQuery;
import io.conversationorchestrator.conversation.ConversationConfiguration;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The delivery log as the API reads it, and the conversation rows the callback pipeline needs
 * (their owner, their callbacks), on the reactive SQL client in the caller's transaction.
 */
@ApplicationScoped
public class CallbackDeliveryRepository {
  private static final String COLUMNS =
      "id, account_sid, conversation_id, event_id, event_type, url, method, status,"
          + " cast(attempts as text) as attempts, next_attempt_at, created_at, updated_at";
  private static final String PAGE_FORWARD =
      "select "
          + COLUMNS
          + " from callback_delivery where account_sid = $1"
          + " and conversation_id = $2 and id > $3 order by id asc"
          + " limit $4::int";
  private static final String PAGE_BACKWARD =
      "select "
          + COLUMNS
          + " from callback_delivery where account_sid = $1"
          + " and conversation_id = $2 and id < $3 order by id desc"
          + " limit $4::int";
  private static final String FAILING =
      "select "
          + COLUMNS
          + " from callback_delivery where account_sid = $1"
          + " and status in ('DEAD', 'FAILED_RETRYING') order by updated_at desc, id limit $2::int";
  // A conversation is known while it exists, and after its deletion while its deliveries do.
  private static final String KNOWN =
      "select exists (select 1 from conversation where id = $2 and account_sid = $1)"
          + " or exists (select 1 from callback_delivery where account_sid = $1"
          + " and conversation_id = $2)";
  private static final String REDELIVER =
      "update callback_delivery set status = 'PENDING', next_attempt_at = now(),"
          + " claimed_until = null, updated_at = now()"
          + " where id = $1 and account_sid = $2 and conversation_id = $3 returning "
          + COLUMNS;
  private static final String CALLBACK_SOURCES =
      "select id, configuration_id, cast(configuration as text) as configuration"
          + " from conversation where id = any($1::uuid[])";

  // The first page: from the lowest id forward, or the highest backward (uuid order is bytewise).
  private static final UUID LOWEST = new UUID(0, 0);
  private static final UUID HIGHEST = new UUID(-1, -1);

  private final ObjectReader attempts;
  private final ObjectReader configuration;

  public CallbackDeliveryRepository(ObjectMapper json) {
    this.attempts = json.readerFor(Attempts.class);
    this.configuration = StrictJson.lenient(json, ConversationConfiguration.class);
  }

  /** A page of a conversation's deliveries, in request direction, one more than the page size. */
  public Uni<List<CallbackDeliveryResponse>> page(
      SqlConnection c, String accountSid, UUID conversation, PageQuery query) {
    Tuple params =
        Tuple.tuple()
            .addValue(accountSid)
            .addValue(conversation)
            .addValue(
                query.boundary() != null ? query.boundaryId() : query.backward() ? HIGHEST : LOWEST)
            .addValue(query.fetchSize());
    return c.preparedQuery(query.backward() ? PAGE_BACKWARD : PAGE_FORWARD)
        .execute(params)
        .map(this::responses);
  }

  /** The account's DEAD and retrying deliveries, the most recently changed first. */
  public Uni<List<CallbackDeliveryResponse>> failing(
      SqlConnection c, String accountSid, int limit) {
    return c.preparedQuery(FAILING).execute(Tuple.of(accountSid, limit)).map(this::responses);
  }

  /** Whether the account has this conversation, or had it and kept its deliveries. */
  public Uni<Boolean> known(SqlConnection c, String accountSid, UUID conversation) {
    return c.preparedQuery(KNOWN)
        .execute(Tuple.of(accountSid, conversation))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** Queues a delivery for one more attempt now; null when the account has no such delivery. */
  public Uni<CallbackDeliveryResponse> redeliver(
      SqlConnection c, String accountSid, UUID conversation, UUID delivery) {
    return c.preparedQuery(REDELIVER)
        .execute(Tuple.of(delivery, accountSid, conversation))
        .map(rows -> rows.size() == 0 ? null : response(rows.iterator().next()));
  }

  /** The current callbacks of these conversations, typed through their configuration. */
  Uni<Map<UUID, CallbackSource>> callbackSources(SqlConnection c, List<UUID> conversations) {
    if (conversations.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return c.preparedQuery(CALLBACK_SOURCES)
        .execute(Tuple.of(conversations.toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, CallbackSource> byId = new HashMap<>();
              for (Row row : rows) {
                ConversationConfiguration settings =
                    SqlValues.read(configuration, row.getString("configuration"));
                byId.put(
                    row.getUUID("id"),
                    new CallbackSource(
                        row.getUUID("configuration_id"), settings.statusCallbacks()));
              }
              return byId;
            });
  }

  private List<CallbackDeliveryResponse> responses(RowSet<Row> rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(this::response).toList();
  }

  /** A row of {@link #COLUMNS} as the API shows it. */
  private CallbackDeliveryResponse response(Row r) {
    return new CallbackDeliveryResponse(
        ResourceType.CALLBACK_DELIVERY.format(r.getUUID("id")),
        ResourceType.CONVERSATION.format(r.getUUID("conversation_id")),
        r.getString("account_sid"),
        r.getUUID("event_id").toString(),
        r.getString("event_type"),
        r.getString("url"),
        r.getString("method"),
        CallbackStatus.valueOf(r.getString("status")),
        SqlValues.<Attempts>read(attempts, r.getString("attempts")).attempts(),
        SqlValues.instant(r, "next_attempt_at"),
        SqlValues.instant(r, "created_at"),
        SqlValues.instant(r, "updated_at"));
  }
}
