package io.conversationorchestrator.configuration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Which passive traffic a configuration captures: {@code *} matches any address. */
public record CaptureRule(
    @NotNull @Size(min = 1, max = 256) String from,
    @NotNull @Size(min = 1, max = 256) String to,
    @Size(max = 8)
        Map<@Size(min = 1, max = 64) String, @NotNull @Size(max = 256) String> metadata) {}
