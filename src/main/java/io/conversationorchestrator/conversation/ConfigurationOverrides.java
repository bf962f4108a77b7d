package io.conversationorchestrator.conversation;

import io.conversationorchestrator.configuration.ConfigurationBody;
import io.conversationorchestrator.configuration.GroupingType;
import io.conversationorchestrator.configuration.SettingsChannel;
import io.conversationorchestrator.configuration.StatusCallback;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The {@code configuration} of a create request (twilio-node 6.3.1). With a {@code
 * configurationId}, each given field replaces the configuration's for this conversation only (a
 * channel of {@code channelSettings} replaces that channel's timers; its capture rules stay), and
 * {@code conversationGroupingType} and {@code memoryStoreId} are refused: they decide where the
 * conversation groups, which is the configuration's. Without one, this is the conversation's whole
 * configuration and those two are required.
 */
public record ConfigurationOverrides(
    GroupingType conversationGroupingType,
    @Pattern(
            regexp = ConfigurationBody.MEMORY_STORE_ID,
            message = "must match " + ConfigurationBody.MEMORY_STORE_ID)
        String memoryStoreId,
    Map<SettingsChannel, @Valid @NotNull ChannelOverride> channelSettings,
    @Size(max = MAX_CALLBACKS) List<@Valid @NotNull StatusCallback> statusCallbacks,
    Boolean memoryExtractionEnabled,
    @Size(max = 128) @Pattern(regexp = ConfigurationBody.NOT_BLANK, message = "must not be blank")
        String redactionConfigurationId,
    @Size(max = 5) List<@NotNull @Size(min = 1, max = 128) String> intelligenceConfigurationIds,
    @Size(max = 1) List<@NotNull @Size(min = 1, max = 128) String> traitExtractionStrategyIds,
    @Size(max = 1) List<@NotNull @Size(min = 1, max = 128) String> observationExtractionStrategyIds,
    @Size(max = 5) List<@Valid @NotNull Workflow> workflows) {

  /** As many callbacks as a conversation PATCH may set (the contract's response limit). */
  public static final int MAX_CALLBACKS = 20;

  public static final ConfigurationOverrides NONE =
      new ConfigurationOverrides(null, null, null, null, null, null, null, null, null, null);
}
