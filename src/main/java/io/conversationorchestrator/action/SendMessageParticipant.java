package io.conversationorchestrator.action;

import io.conversationorchestrator.conversation.Channel;
import jakarta.validation.constraints.Size;

/**
 * A party of a message, named one of three ways: {@code participantId} and {@code channel} (that
 * participant's address on the channel), {@code participantId} alone (its only address), or {@code
 * address} and {@code channel}.
 */
public record SendMessageParticipant(
    @Size(min = 1, max = 64) String participantId,
    @Size(min = 1, max = 256) String address,
    Channel channel) {}
