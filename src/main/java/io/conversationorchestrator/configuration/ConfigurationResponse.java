package io.conversationorchestrator.configuration;

import io.conversationorchestrator.api.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The contract's Configuration resource. */
public record ConfigurationResponse(
    String id,
    String displayName,
    String description,
    GroupingType conversationGroupingType,
    String memoryStoreId,
    Map<SettingsChannel, ChannelSetting> channelSettings,
    List<StatusCallback> statusCallbacks,
    List<String> intelligenceConfigurationIds,
    List<String> traitExtractionStrategyIds,
    List<String> observationExtractionStrategyIds,
    boolean memoryExtractionEnabled,
    ConversationsV1Bridge conversationsV1Bridge,
    String redactionConfigurationId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static ConfigurationResponse of(ConfigurationEntity e) {
    return new ConfigurationResponse(
        ResourceType.CONFIGURATION.format(e.id),
        e.displayName,
        e.description,
        e.groupingType,
        e.memoryStoreId,
        e.settings.channelSettings(),
        e.settings.statusCallbacks(),
        e.settings.intelligenceConfigurationIds(),
        List.of(),
        List.of(),
        e.memoryExtractionEnabled,
        e.v1BridgeServiceId == null ? null : new ConversationsV1Bridge(e.v1BridgeServiceId),
        e.settings.redactionConfigurationId(),
        e.createdAt,
        e.updatedAt,
        e.version);
  }
}
