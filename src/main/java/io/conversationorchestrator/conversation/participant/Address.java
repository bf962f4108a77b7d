package io.conversationorchestrator.conversation.participant;

import io.conversationorchestrator.conversation.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How a participant is reached on one channel; the format per channel is in {@link AddressRules}.
 */
public record Address(
    @NotNull Channel channel,
    @NotNull @Size(min = 1, max = 256) String address,
    @Size(max = 128) String channelId) {}
