package io.conversationorchestrator.events;

/**
 * The status change an event reports, with its reason ({@code TransitionReason}: TIMER, API,
 * ACTIVITY, SNOOZED, SNOOZE_ENDED).
 */
public record StatusChange(String previousStatus, String status, String reason) {}
