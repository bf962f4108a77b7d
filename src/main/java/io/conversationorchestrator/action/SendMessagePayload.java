package io.conversationorchestrator.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A SEND_MESSAGE action's payload. {@code channelSettings} is free-form and goes to the adapter
 * unchanged (e.g. {@code messagingServiceSid}).
 */
public record SendMessagePayload(
    @NotNull @Valid SendMessageParticipant from,
    @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid SendMessageParticipant> to,
    @NotNull @Valid MessageContent content,
    Map<String, Object> channelSettings) {}
