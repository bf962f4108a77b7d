package io.conversationorchestrator.conversation.communication;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conversationorchestrator.conversation.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A recipient of a communication. {@code deliveryStatus} is left out until known rather than null:
 * Twilio's agent tooling types it optional but not nullable.
 */
public record Recipient(
    @NotNull @Size(min = 1, max = 256) String address,
    @NotNull Channel channel,
    @Size(max = 64) String participantId,
    @JsonInclude(JsonInclude.Include.NON_NULL) DeliveryStatus deliveryStatus) {}
