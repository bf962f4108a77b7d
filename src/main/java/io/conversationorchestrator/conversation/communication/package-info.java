/**
 * Communications of a conversation (messages, calls, transcriptions): created or updated by {@code
 * resourceId}; a new one is activity for the lifecycle timers. Part of {@code conversation}.
 */
package io.conversationorchestrator.conversation.communication;
