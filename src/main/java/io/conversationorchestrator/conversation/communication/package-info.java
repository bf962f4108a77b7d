/**
 * Communications of a conversation (messages, calls, transcriptions): created or updated by {@code
 * resourceId}; a new one is activity for the lifecycle timers. Author and recipients always carry
 * the participant they are ({@code ParticipantResolver}), added when none holds the address. Part
 * of {@code conversation}.
 */
package io.conversationorchestrator.conversation.communication;
