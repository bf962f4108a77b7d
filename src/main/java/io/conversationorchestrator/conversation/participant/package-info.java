/**
 * Participants of a conversation and their addresses (validated per channel), and the customer
 * profiles they resolve to in a memory store. Part of {@code conversation}.
 */
package io.conversationorchestrator.conversation.participant;
