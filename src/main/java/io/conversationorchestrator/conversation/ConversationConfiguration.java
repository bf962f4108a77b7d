package io.conversationorchestrator.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.configuration.ChannelSetting;
import io.conversationorchestrator.configuration.ConfigurationEntity;
import io.conversationorchestrator.configuration.ConversationsV1Bridge;
import io.conversationorchestrator.configuration.GroupingType;
import io.conversationorchestrator.configuration.SettingsChannel;
import io.conversationorchestrator.configuration.StatusCallback;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of one conversation, copied from its configuration at creation with the
 * request's overrides (or taken whole from the request, for an inline configuration), so later
 * configuration edits do not change running conversations. Its channel timers drive the
 * conversation's lifecycle and its status callbacks receive the conversation's events.
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
    String redactionConfigurationId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Workflow> workflows) {

  /** The configuration's settings with the given overrides put over them. */
  public static ConversationConfiguration snapshot(
      ConfigurationEntity source, ConfigurationOverrides overrides) {
    ConfigurationOverrides o = overrides != null ? overrides : ConfigurationOverrides.NONE;
    return new ConversationConfiguration(
        source.displayName,
        source.description,
        source.groupingType,
        source.memoryStoreId,
        channels(source.settings.channelSettings(), o.channelSettings()),
        or(o.statusCallbacks(), source.settings.statusCallbacks()),
        or(o.intelligenceConfigurationIds(), source.settings.intelligenceConfigurationIds()),
        or(o.traitExtractionStrategyIds(), List.of()),
        or(o.observationExtractionStrategyIds(), List.of()),
        o.memoryExtractionEnabled() != null
            ? o.memoryExtractionEnabled()
            : source.memoryExtractionEnabled,
        source.v1BridgeServiceId == null
            ? null
            : new ConversationsV1Bridge(source.v1BridgeServiceId),
        o.redactionConfigurationId() != null
            ? o.redactionConfigurationId()
            : source.settings.redactionConfigurationId(),
        o.workflows());
  }

  /**
   * A configuration defined in the create request itself: no name or description (those name a
   * stored configuration), memory extraction off unless enabled, no capture rules, no v1 bridge.
   */
  public static ConversationConfiguration inline(ConfigurationOverrides o) {
    return new ConversationConfiguration(
        null,
        null,
        o.conversationGroupingType(),
        o.memoryStoreId(),
        channels(Map.of(), o.channelSettings()),
        or(o.statusCallbacks(), List.of()),
        or(o.intelligenceConfigurationIds(), List.of()),
        or(o.traitExtractionStrategyIds(), List.of()),
        or(o.observationExtractionStrategyIds(), List.of()),
        Boolean.TRUE.equals(o.memoryExtractionEnabled()),
        null,
        o.redactionConfigurationId(),
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
        redactionConfigurationId,
        workflows);
  }

  /**
   * Each overridden channel gets the override's timers (and SLAs, when given) and keeps its capture
   * rules.
   */
  private static Map<SettingsChannel, ChannelSetting> channels(
      Map<SettingsChannel, ChannelSetting> base, Map<SettingsChannel, ChannelOverride> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return base;
    }
    Map<SettingsChannel, ChannelSetting> merged = new LinkedHashMap<>(base);
    overrides.forEach(
        (channel, override) -> {
          ChannelSetting current = base.get(channel);
          merged.put(
              channel,
              new ChannelSetting(
                  override.statusTimeouts(),
                  current == null ? null : current.captureRules(),
                  override.responseSla() != null
                      ? override.responseSla()
                      : current == null ? null : current.responseSla()));
        });
    return merged;
  }

  private static <T> List<T> or(List<T> override, List<T> fallback) {
    return override != null ? override : fallback;
  }
}
