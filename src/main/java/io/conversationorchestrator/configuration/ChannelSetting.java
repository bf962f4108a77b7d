package io.conversationorchestrator.configuration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A channel's timers and capture rules inside a configuration. */
public record ChannelSetting(
    @Valid StatusTimeouts statusTimeouts,
    @Size(max = 20) List<@Valid @NotNull CaptureRule> captureRules) {

  public ChannelSetting {
    captureRules = captureRules == null ? List.of() : captureRules;
  }
}
