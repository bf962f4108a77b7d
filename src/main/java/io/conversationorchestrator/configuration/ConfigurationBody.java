package io.conversationorchestrator.configuration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.List;
import java.util.Map;

/**
 * A whole configuration as clients write it: the body of create and PUT, and what a PATCH is merged
 * into before the same rules check it. Required-ness differs by operation (groups).
 */
public record ConfigurationBody(
    @NotNull(groups = OnCreate.class)
        @Size(max = 32)
        @Pattern(regexp = "^[a-zA-Z0-9_ -]+$", message = "must match ^[a-zA-Z0-9-_ ]+$")
        String displayName,
    @NotNull @Size(max = 512) String description,
    @NotNull GroupingType conversationGroupingType,
    @NotNull @Pattern(regexp = MEMORY_STORE_ID, message = "must match " + MEMORY_STORE_ID)
        String memoryStoreId,
    @NotNull(groups = OnReplace.class)
        Map<SettingsChannel, @Valid @NotNull ChannelSetting> channelSettings,
    @Size(max = 2) List<@Valid @NotNull StatusCallback> statusCallbacks,
    @Size(max = 5) List<@NotNull @Size(min = 1, max = 128) String> intelligenceConfigurationIds,
    Boolean memoryExtractionEnabled,
    @Valid ConversationsV1Bridge conversationsV1Bridge,
    @Size(max = 128) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String redactionConfigurationId) {

  public static final String MEMORY_STORE_ID = "^mem_(store|service)_[0-7][0-9a-z]{25}$";

  /** Some character that is not white space. */
  public static final String NOT_BLANK = "(?s).*\\S.*";

  /** Rules of create: displayName is required. */
  public interface OnCreate extends Default {}

  /** Rules of PUT (and of a merged PATCH): channelSettings is required, displayName is not. */
  public interface OnReplace extends Default {}
}
