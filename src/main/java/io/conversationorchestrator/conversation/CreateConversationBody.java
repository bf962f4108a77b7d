package io.conversationorchestrator.conversation;

import io.conversationorchestrator.api.ApiException;
import io.conversationorchestrator.conversation.participant.ParticipantBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v2/Conversations}: under a stored configuration ({@code
 * configurationId}, with optional per-conversation overrides in {@code configuration}) or with the
 * whole configuration inline in {@code configuration} (twilio-node 6.3.1).
 */
public record CreateConversationBody(
    @Size(max = 128) String configurationId,
    @Size(max = 256) String name,
    @Valid ConfigurationOverrides configuration,
    @Size(max = 50) List<@Valid @NotNull ParticipantBody> participants,
    Map<String, String> metadata) {

  /** True when the conversation's configuration is the body's own {@code configuration}. */
  public boolean isInline() {
    return configurationId == null;
  }

  /** The rules tying {@code configurationId} and {@code configuration} together. */
  public void checkConfiguration() {
    if (!isInline()) {
      if (configuration != null && configuration.conversationGroupingType() != null) {
        throw onlyInline("conversationGroupingType");
      }
      if (configuration != null && configuration.memoryStoreId() != null) {
        throw onlyInline("memoryStoreId");
      }
      return;
    }
    if (configuration == null) {
      throw ApiException.invalid(
          "Invalid value for 'configurationId': must not be null unless 'configuration' defines"
              + " the conversation's configuration inline");
    }
    if (configuration.conversationGroupingType() == null) {
      throw requiredInline("conversationGroupingType");
    }
    if (configuration.memoryStoreId() == null) {
      throw requiredInline("memoryStoreId");
    }
  }

  private static ApiException requiredInline(String field) {
    return ApiException.invalid(
        "Invalid value for 'configuration."
            + field
            + "': must not be null without 'configurationId'");
  }

  private static ApiException onlyInline(String field) {
    return ApiException.invalid(
        "Invalid value for 'configuration."
            + field
            + "': only allowed without 'configurationId' (the configuration's applies)");
  }
}
