package io.conversationorchestrator.conversation.communication;

import io.conversationorchestrator.conversation.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record Author(
    @NotNull @Size(min = 1, max = 256) String address,
    @NotNull Channel channel,
    @Size(max = 64) String participantId) {}
