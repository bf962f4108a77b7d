package io.conversationorchestrator.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST …/Actions}: only {@code SEND_MESSAGE} exists. */
public record ActionBody(@NotNull ActionType type, @NotNull @Valid SendMessagePayload payload) {}
