package io.conversationorchestrator.conversation;

import io.conversationorchestrator.conversation.participant.ParticipantBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v2/Conversations}. */
public record CreateConversationBody(
    @NotNull @Size(max = 128) String configurationId,
    @Size(max = 256) String name,
    @Valid ConfigurationOverrides configuration,
    @Size(max = 50) List<@Valid @NotNull ParticipantBody> participants,
    Map<String, String> metadata) {}
