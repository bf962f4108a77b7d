package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.configuration.ChannelSetting;
import io.conversationorchestrator.configuration.ConfigurationEntity;
import io.conversationorchestrator.configuration.ConversationsV1Bridge;
import io.conversationorchestrator.configuration.GroupingType;
import io.conversationorchestrator.configuration.SettingsChannel;
import io.conversationorchestrator.configuration.StatusCallback;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of one conversation, copied from its configuration at creation (with the
 * request's overrides), so later configuration edits do not change running conversations.
 */
public record ConversationConfiguration(
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
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Workflow> workflows) {

  public static ConversationConfiguration snapshot(
      ConfigurationEntity source, ConfigurationOverrides overrides) {
    ConfigurationOverrides o =
        overrides != null ? overrides : new ConfigurationOverrides(null, null, null, null);
    return new ConversationConfiguration(
        source.displayName,
        source.description,
        source.groupingType,
        source.memoryStoreId,
        source.settings.channelSettings(),
        source.settings.statusCallbacks(),
        or(o.intelligenceConfigurationIds(), source.settings.intelligenceConfigurationIds()),
        or(o.traitExtractionStrategyIds(), List.of()),
        or(o.observationExtractionStrategyIds(), List.of()),
        source.memoryExtractionEnabled,
        source.v1BridgeServiceId == null
            ? null
            : new ConversationsV1Bridge(source.v1BridgeServiceId),
        o.workflows());
  }

  /** The same settings with other status callbacks (the one per-conversation PATCH can change). */
  public ConversationConfiguration withStatusCallbacks(List<StatusCallback> callbacks) {
    return new ConversationConfiguration(
        displayName,
        description,
        conversationGroupingType,
        memoryStoreId,
        channelSettings,
        callbacks,
        intelligenceConfigurationIds,
        traitExtractionStrategyIds,
        observationExtractionStrategyIds,
        memoryExtractionEnabled,
        conversationsV1Bridge,
        workflows);
  }

  private static <T> List<T> or(List<T> override, List<T> fallback) {
    return override != null ? override : fallback;
  }
}
