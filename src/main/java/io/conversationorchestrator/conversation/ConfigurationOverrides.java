package io.conversationorchestrator.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Per-conversation settings a create request may put over its configuration's. */
public record ConfigurationOverrides(
    @Size(max = 5) List<@NotNull @Size(min = 1, max = 128) String> intelligenceConfigurationIds,
    @Size(max = 1) List<@NotNull @Size(min = 1, max = 128) String> traitExtractionStrategyIds,
    @Size(max = 1) List<@NotNull @Size(min = 1, max = 128) String> observationExtractionStrategyIds,
    @Size(max = 5) List<@Valid @NotNull Workflow> workflows) {}
