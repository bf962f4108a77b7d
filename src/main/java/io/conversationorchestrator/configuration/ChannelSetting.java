package io.conversationorchestrator.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A channel's timers and capture rules inside a configuration, and its response SLAs (our
 * extension, absent unless set).
 */
public record ChannelSetting(
    @Valid StatusTimeouts statusTimeouts,
    @Size(max = 20) List<@Valid @NotNull CaptureRule> captureRules,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Valid ResponseSla responseSla) {

  public ChannelSetting {
    captureRules = captureRules == null ? List.of() : captureRules;
  }

  public ChannelSetting(StatusTimeouts statusTimeouts, List<CaptureRule> captureRules) {
    this(statusTimeouts, captureRules, null);
  }
}
