package io.conversationorchestrator.configuration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "configuration")
public class ConfigurationEntity {
  @Id public UUID id;
  public String accountSid;
  public String displayName;
  public String description;

  @Enumerated(EnumType.STRING)
  public GroupingType groupingType;

  public String memoryStoreId;

  @JdbcTypeCode(SqlTypes.JSON)
  public ConfigurationSettings settings;

  public boolean memoryExtractionEnabled;

  @Column(name = "v1_bridge_service_id")
  public String v1BridgeServiceId;

  public long version;
  public Instant createdAt;
  public Instant updatedAt;

  /** Overwrites every client-writable field with the body's (create and PUT semantics). */
  public void apply(ConfigurationBody body) {
    displayName = body.displayName();
    description = body.description();
    groupingType = body.conversationGroupingType();
    memoryStoreId = body.memoryStoreId();
    settings =
        new ConfigurationSettings(
            body.channelSettings(),
            body.statusCallbacks(),
            body.intelligenceConfigurationIds(),
            body.redactionConfigurationId());
    memoryExtractionEnabled = Boolean.TRUE.equals(body.memoryExtractionEnabled());
    v1BridgeServiceId =
        body.conversationsV1Bridge() == null ? null : body.conversationsV1Bridge().serviceId();
  }

  /** The entity as a full body, the base a PATCH is merged into. */
  public ConfigurationBody toBody() {
    return new ConfigurationBody(
        displayName,
        description,
        groupingType,
        memoryStoreId,
        settings.channelSettings(),
        settings.statusCallbacks(),
        settings.intelligenceConfigurationIds(),
        memoryExtractionEnabled,
        v1BridgeServiceId == null ? null : new ConversationsV1Bridge(v1BridgeServiceId),
        settings.redactionConfigurationId());
  }
}
