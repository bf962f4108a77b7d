package io.conversationorchestrator.conversation.communication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST …/Communications}. With a {@code resourceId} already used in the
 * conversation, the POST updates that communication (200) instead of creating one (201).
 */
public record CommunicationBody(
    @NotNull @Valid Author author,
    @NotNull @Valid Content content,
    @Size(max = 128) String channelId,
    @Size(min = 1, max = 256) String resourceId,
    @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Recipient> recipients,
    OffsetDateTime occurredAt) {}
