package io.conversationorchestrator.conversation.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Participant rows read with the reactive SQL client, as unmanaged {@link Participant} objects for
 * {@link ParticipantResponse#of}; the contact document is read with the application's {@link
 * ObjectMapper} (leniently: the service wrote it), as {@link
 * io.conversationorchestrator.conversation.ConversationRows} reads a conversation's.
 */
@ApplicationScoped
public class ParticipantRows {
  /** The columns {@link #of} reads, named so a column a rollout adds changes nothing. */
  public static final String COLUMNS =
      "id, conversation_id, account_sid, name, type, profile_id, cast(contact as text) as contact,"
          + " created_at, updated_at";

  private final ObjectReader contact;

  public ParticipantRows(ObjectMapper json) {
    this.contact = StrictJson.lenient(json, ParticipantContact.class);
  }

  /** A row of {@link #COLUMNS}. */
  public Participant of(Row row) {
    Participant p = new Participant();
    p.id = row.getUUID("id");
    p.conversationId = row.getUUID("conversation_id");
    p.accountSid = row.getString("account_sid");
    p.name = row.getString("name");
    String type = row.getString("type");
    p.type = type == null ? null : ParticipantType.valueOf(type);
    p.profileId = row.getUUID("profile_id");
    p.contact = SqlValues.read(contact, row.getString("contact"));
    p.createdAt = SqlValues.instant(row, "created_at");
    p.updatedAt = SqlValues.instant(row, "updated_at");
    return p;
  }
}
