package io.conversationorchestrator.conversation.communication;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

public record Word(
    @NotNull @Size(max = 256) String text, OffsetDateTime startTime, OffsetDateTime endTime) {}
