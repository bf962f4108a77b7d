package io.conversationorchestrator.configuration;

import java.util.List;
import java.util.Map;

/**
 * The document column of a configuration: everything no query filters on. A field added here needs
 * no migration: documents stored before it read as null.
 */
public record ConfigurationSettings(
    Map<SettingsChannel, ChannelSetting> channelSettings,
    List<StatusCallback> statusCallbacks,
    List<String> intelligenceConfigurationIds,
    String redactionConfigurationId) {

  public ConfigurationSettings {
    channelSettings = channelSettings == null ? Map.of() : channelSettings;
    statusCallbacks = statusCallbacks == null ? List.of() : statusCallbacks;
    intelligenceConfigurationIds =
        intelligenceConfigurationIds == null ? List.of() : intelligenceConfigurationIds;
  }
}
