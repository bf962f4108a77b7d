package io.conversationorchestrator.conversation;

import io.conversationorchestrator.conversation.lifecycle.ConversationStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of PUT: {@code status} is required; {@code name} and {@code metadata} replace the stored
 * ones when given and are kept when omitted (twilio-java 13 cannot send metadata at all, so
 * clearing on omission would wipe it on every status change made with that SDK).
 */
public record ReplaceConversationBody(
    @NotNull ConversationStatus status,
    @Size(max = 256) String name,
    Map<String, String> metadata) {}
