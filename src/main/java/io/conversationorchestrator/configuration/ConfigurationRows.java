package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.conversationorchestrator.json.StrictJson;
import io.conversationorchestrator.platform.SqlValues;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Configuration rows read with the reactive SQL client, as unmanaged {@link ConfigurationEntity}
 * objects: what the data plane snapshots when it opens a conversation. The settings document comes
 * as text, read with the application's {@link ObjectMapper} as Hibernate reads it (leniently: the
 * service wrote it), so a snapshot is the one taken from a loaded entity.
 */
@ApplicationScoped
public class ConfigurationRows {
  /** The columns {@link #of} reads, named so a column a rollout adds changes nothing. */
  public static final String COLUMNS =
      "id, account_sid, display_name, description, grouping_type, memory_store_id,"
          + " cast(settings as text) as settings, memory_extraction_enabled,"
          + " v1_bridge_service_id, version, created_at, updated_at";

  private final ObjectReader settings;

  public ConfigurationRows(ObjectMapper json) {
    this.settings = StrictJson.lenient(json, ConfigurationSettings.class);
  }

  /** A row of {@link #COLUMNS}. */
  public ConfigurationEntity of(Row row) {
    ConfigurationEntity e = new ConfigurationEntity();
    e.id = row.getUUID("id");
    e.accountSid = row.getString("account_sid");
    e.displayName = row.getString("display_name");
    e.description = row.getString("description");
    e.groupingType = GroupingType.valueOf(row.getString("grouping_type"));
    e.memoryStoreId = row.getString("memory_store_id");
    e.settings = SqlValues.read(settings, row.getString("settings"));
    e.memoryExtractionEnabled = row.getBoolean("memory_extraction_enabled");
    e.v1BridgeServiceId = row.getString("v1_bridge_service_id");
    e.version = row.getLong("version");
    e.createdAt = SqlValues.instant(row, "created_at");
    e.updatedAt = SqlValues.instant(row, "updated_at");
    return e;
  }
}
