package io.conversationorchestrator.action;

import io.conversationorchestrator.conversation.Channel;

/**
 * A resolved party of a command: always an address and its channel; the participant when one of the
 * conversation has that address on that channel, else null.
 */
public record Party(String participantId, String address, Channel channel) {}
