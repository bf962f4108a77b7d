package io.conversationorchestrator.conversation.lifecycle;

/** A status change with its reason and the schedule that follows it. */
public record Transition(
    ConversationStatus from, ConversationStatus to, TransitionReason reason, Timeline timeline) {}
