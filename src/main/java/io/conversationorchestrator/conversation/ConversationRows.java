package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Conversation rows read with the reactive SQL client, as unmanaged {@link Conversation} objects:
 * what {@link ConversationResponse#of}, {@link Conversation#timeline()} and {@link
 * Conversation#apply} work on. The JSON columns come as text and are read with the application's
 * {@link ObjectMapper}, which wrote them. The snapshot is the service's own document: read
 * leniently, so a field a newer release adds never fails a sweep.
 */
@ApplicationScoped
public class ConversationRows {
  /**
   * The columns {@link #of} reads: the response's and the lifecycle rules'. Named, not {@code *},
   * so a column a rollout adds changes nothing for the running release.
   */
  public static final String COLUMNS =
      "id, account_sid, configuration_id, status, name, cast(metadata as text) as metadata,"
          + " cast(configuration as text) as configuration,"
          + " cast(channel_activity as text) as channel_activity, previous_conversation_id,"
          + " last_activity_at, inactive_at, closes_at, next_transition_at, snoozed_until,"
          + " wake_on_activity, close_warning_at, close_warned_for, last_customer_activity_at,"
          + " last_agent_activity_at, sla_kind, sla_communication_id, sla_since, sla_due_at,"
          + " sla_breached, created_at, updated_at";

  private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};

  private final ObjectReader textMap;
  private final ObjectReader configuration;

  public ConversationRows(ObjectMapper json) {
    this.textMap = json.readerFor(TEXT_MAP);
    this.configuration = StrictJson.lenient(json, ConversationConfiguration.class);
  }

  /** A row of {@link #COLUMNS}. */
  public Conversation of(Row row) {
    Conversation c = new Conversation();
    c.id = row.getUUID("id");
    c.accountSid = row.getString("account_sid");
    c.configurationId = row.getUUID("configuration_id");
    c.status = ConversationStatus.valueOf(row.getString("status"));
    c.name = row.getString("name");
    c.metadata = SqlValues.read(textMap, row.getString("metadata"));
    c.configuration = SqlValues.read(configuration, row.getString("configuration"));
    c.channelActivity = SqlValues.read(textMap, row.getString("channel_activity"));
    c.previousConversationId = row.getUUID("previous_conversation_id");
    c.lastActivityAt = SqlValues.instant(row, "last_activity_at");
    c.inactiveAt = SqlValues.instant(row, "inactive_at");
    c.closesAt = SqlValues.instant(row, "closes_at");
    c.nextTransitionAt = SqlValues.instant(row, "next_transition_at");
    c.snoozedUntil = SqlValues.instant(row, "snoozed_until");
    c.wakeOnActivity = row.getBoolean("wake_on_activity");
    c.closeWarningAt = SqlValues.instant(row, "close_warning_at");
    c.closeWarnedFor = SqlValues.instant(row, "close_warned_for");
    c.lastCustomerActivityAt = SqlValues.instant(row, "last_customer_activity_at");
    c.lastAgentActivityAt = SqlValues.instant(row, "last_agent_activity_at");
    c.slaKind = row.getString("sla_kind");
    c.slaCommunicationId = row.getString("sla_communication_id");
    c.slaSince = SqlValues.instant(row, "sla_since");
    c.slaDueAt = SqlValues.instant(row, "sla_due_at");
    c.slaBreached = row.getBoolean("sla_breached");
    c.createdAt = SqlValues.instant(row, "created_at");
    c.updatedAt = SqlValues.instant(row, "updated_at");
    return c;
  }
}
