package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.conversation.Channel;
import io.conversationorchestrator.conversation.ConversationRows;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Communication rows read with the reactive SQL client, as unmanaged {@link Communication} objects
 * for {@link CommunicationResponse#of}; the body document is read with the application's {@link
 * ObjectMapper} (leniently: the service wrote it), as {@link ConversationRows} reads a
 * conversation's.
 */
@ApplicationScoped
public class CommunicationRows {
  /** The columns {@link #of} reads, named so a column a rollout adds changes nothing. */
  public static final String COLUMNS =
      "id, conversation_id, account_sid, channel, cast(body as text) as body, channel_id,"
          + " resource_id, occurred_at, created_at, updated_at";

  private final ObjectReader body;

  public CommunicationRows(ObjectMapper json) {
    this.body = StrictJson.lenient(json, CommunicationDocument.class);
  }

  /** A row of {@link #COLUMNS}. */
  public Communication of(Row row) {
    Communication e = new Communication();
    e.id = row.getUUID("id");
    e.conversationId = row.getUUID("conversation_id");
    e.accountSid = row.getString("account_sid");
    e.channel = Channel.valueOf(row.getString("channel"));
    e.body = SqlValues.read(body, row.getString("body"));
    e.channelId = row.getString("channel_id");
    e.resourceId = row.getString("resource_id");
    e.occurredAt = SqlValues.instant(row, "occurred_at");
    e.createdAt = SqlValues.instant(row, "created_at");
    e.updatedAt = SqlValues.instant(row, "updated_at");
    return e;
  }
}
