package io.conversationorchestrator.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The command the adapters receive (the {@code data} of an ACTION_SEND_MESSAGE_REQUESTED event),
 * and the action's stored request. All parties share one channel: a message is sent on one channel.
 */
public record SendMessageCommand(
    String actionId,
    String conversationId,
    String accountId,
    ActionType type,
    Party from,
    List<Party> to,
    MessageContent content,
    Map<String, Object> channelSettings,
    Instant expiresAt) {}
