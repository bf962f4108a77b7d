package io.conversationorchestrator.configuration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Routes messaging through a Conversations v1 Service. */
public record ConversationsV1Bridge(
    @NotNull @Pattern(regexp = "^IS[0-9a-f]{32}$", message = "must match ^IS[0-9a-f]{32}$")
        String serviceId) {}
